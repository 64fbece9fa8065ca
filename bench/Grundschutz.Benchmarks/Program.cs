using BenchmarkDotNet.Running;
using Grundschutz.Benchmarks;

// dotnet run -c Release --project bench/Grundschutz.Benchmarks -- import      (BenchmarkDotNet: parse vs import)
// dotnet run -c Release --project bench/Grundschutz.Benchmarks -- search      (200 searches against Kestrel on loopback)
// dotnet run -c Release --project bench/Grundschutz.Benchmarks -- scoring     (BenchmarkDotNet: scoring 73,400 pairs, target ≤ 10 ms)
if (args.Length > 0 && args[0] == "search")
{
    return await SearchLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "dashboard") return await DashboardBenchmarks.RunAsync(args[1..]); // auditor dashboard + workbook, NRW (and --germany), targets ≤ 1 s / ≤ 5 s / ≤ 500 MB

if (args.Length > 0 && args[0] == "report") return await ReportBenchmarks.RunAsync(args[1..]); // report page, full Kompendium assessment, target p95 ≤ 200 ms

if (args.Length > 0 && args[0] == "save") return await SaveLoad.RunAsync(args[1..]); // 50 users saving answers on Kestrel vs. a bare page: p95 ≤ 100 ms, ≥ 50 % throughput
if (args.Length > 0 && args[0] == "package") return await EvidencePackageBench.RunAsync(args[1..]); // evidence package of the full Kompendium assessment (docs/evidence.md)

if (args.Length > 0 && args[0] == "import")
{
    BenchmarkRunner.Run<CatalogImportBenchmarks>(args: args[1..]);
    return 0;
}

if (args.Length > 0 && args[0] == "export") { BenchmarkRunner.Run<ExportBenchmarks>(args: args[1..]); return 0; } // A.4 workbook, full Kompendium assessment (73,400 rows), target ≤ 2 s

if (args.Length > 0 && args[0] == "workshop") return await WorkshopBenchmarks.RunAsync(args[1..]); // workshop summary + questionnaire round trip, full Kompendium assessment

if (args.Length > 0 && args[0] == "scoring")
{
    BenchmarkRunner.Run<ScoringBenchmarks>(args: args[1..]);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(CatalogImportBenchmarks).Assembly).Run(args);
return 0;
