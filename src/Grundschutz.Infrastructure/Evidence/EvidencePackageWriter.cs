using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Grundschutz.Domain.Assessments;
using Grundschutz.Infrastructure.Export;
using Grundschutz.Infrastructure.Files;
using Grundschutz.Infrastructure.Markdown;

namespace Grundschutz.Infrastructure.Evidence;

/// <summary>
/// Writes the evidence package (ZIP) of an approved assessment: reference list, A.1, A.3, A.4, A.6 (XLSX and HTML),
/// the A.0 policies valid at approval, all evidence files, the hash-chained answer trail, the workflow record,
/// manifest.json (path, SHA-256 and size of every file) and manifest.sig (ECDSA P-256 over the manifest bytes).
/// Entries are written one after another straight into the archive and hashed on the way; evidence files are copied
/// from the store in chunks, so no file is held in memory as a whole; the HTML documents are rendered a few table rows
/// at a time (<see cref="ReferenceDocuments"/>); the answer trail is streamed from the database
/// and every hash chain is checked on the way – a break throws <see cref="EvidencePackageException"/> mid-write, so
/// callers write into a temporary file and send it only when <see cref="WriteAsync"/> has returned.
/// </summary>
public sealed class EvidencePackageWriter(EvidenceStore store, EvidenceKeyRing keys, MarkdownRenderer markdown, ReportTemplates templates)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions JsonLine = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"Nachweispaket-05315000-2026-11-23.zip".</summary>
    public static string FileName(EvidencePackageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return $"Nachweispaket-{data.Export.Header.Ags}-{data.Export.Header.FileDate}.zip";
    }

    /// <summary>Writes the package to <paramref name="output"/> (left open); returns the manifest's file list.</summary>
    public async Task<IReadOnlyList<PackageFile>> WriteAsync(EvidencePackageData data, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        if (!keys.CanSign)
        {
            throw new EvidencePackageException(keys.ProblemText ?? EvidenceKeyRing.NoSigningKey);
        }

        var css = await templates.ReadTemplateAsync(ReportTemplates.ReportStyleSheet, cancellationToken);
        var documents = new ReferenceDocuments(data, markdown, css);
        var files = new List<PackageFile>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { PackagePaths.Manifest, PackagePaths.Signature };
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            async Task AddAsync(string path, Func<Stream, Task> write)
            {
                taken.Add(path);
                var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
                entry.LastWriteTime = data.GeneratedAt;
                await using var stream = entry.Open();
                await using var hashing = new HashingWriteStream(stream);
                await write(hashing);
                await hashing.FlushAsync(cancellationToken);
                files.Add(new PackageFile(path, hashing.HashHex(), hashing.BytesWritten));
            }

            Task AddSync(string path, Action<Stream> write) => AddAsync(path, s =>
            {
                write(s);
                return Task.CompletedTask;
            });

            Task AddText(string path, string text) => AddAsync(path, s => s.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask());

            // A.0 policies first: the reference list names their paths.
            var policyPaths = new Dictionary<Guid, string>();
            foreach (var policy in data.Policies)
            {
                var path = PackagePaths.Unique(
                    $"{PackagePaths.PolicyFolder}{PackagePaths.Segment(policy.Number)}_{PackagePaths.Segment(policy.Version, 30)}_{PackagePaths.Segment(policy.FileName)}", taken);
                taken.Remove(path);
                policyPaths[policy.Id] = path;
            }

            await AddSync($"{PackagePaths.ReferenceList}.xlsx", s => documents.WriteReferenceListXlsx(s, policyPaths));
            await AddAsync($"{PackagePaths.ReferenceList}.html", s => documents.WriteReferenceListHtmlAsync(s, policyPaths, cancellationToken));
            await AddSync($"{PackagePaths.Strukturanalyse}.xlsx", documents.WriteStrukturanalyseXlsx);
            await AddAsync($"{PackagePaths.Strukturanalyse}.html", s => documents.WriteStrukturanalyseHtmlAsync(s, cancellationToken));
            await AddSync($"{PackagePaths.Modellierung}.xlsx", documents.WriteModellierungXlsx);
            await AddAsync($"{PackagePaths.Modellierung}.html", s => documents.WriteModellierungHtmlAsync(s, cancellationToken));
            await AddSync($"{PackagePaths.GrundschutzCheck}.xlsx", data.Export.WriteGrundschutzCheck);
            await AddAsync($"{PackagePaths.GrundschutzCheck}.html", s => documents.WriteGrundschutzCheckHtmlAsync(s, cancellationToken));
            await AddSync($"{PackagePaths.Realisierungsplan}.xlsx", data.Export.WriteRealisierungsplan);
            await AddAsync($"{PackagePaths.Realisierungsplan}.html", s => documents.WriteRealisierungsplanHtmlAsync(s, cancellationToken));

            foreach (var policy in data.Policies)
            {
                await AddAsync(policyPaths[policy.Id], s => CopyStoredAsync(policy.StorageKey, s, cancellationToken));
            }

            var targets = data.Assessment.TargetObjects.ToDictionary(t => t.Id, t => t.Name);
            foreach (var answer in OrderedAnswers(data.Assessment))
            {
                foreach (var file in answer.Evidence.OrderBy(e => e.UploadedAt).ThenBy(e => e.Id))
                {
                    var path = PackagePaths.Unique(
                        $"{PackagePaths.EvidenceFolder}{PackagePaths.Segment(answer.RequirementId)}/{PackagePaths.Segment(targets.GetValueOrDefault(answer.TargetObjectId))}/{PackagePaths.Segment(file.FileName)}",
                        taken);
                    await AddAsync(path, s => CopyStoredAsync(file.StorageKey, s, cancellationToken));
                }
            }

            var trailEntries = 0;
            await AddAsync(PackagePaths.AnswerTrail, async s => trailEntries = await WriteTrailAsync(data, targets, s, cancellationToken));
            await AddText(PackagePaths.AnswerHeads, JsonSerializer.Serialize(
                OrderedAnswers(data.Assessment).Select(a => new AnswerHead(a.Id, a.RequirementId, a.TargetObjectId, a.ChainLength, a.ChainHead)).ToList(), Json));
            await AddText(PackagePaths.Workflow, JsonSerializer.Serialize(Workflow(data), Json));

            var manifest = JsonSerializer.SerializeToUtf8Bytes(Manifest(data, files, trailEntries), Json);
            var manifestEntry = zip.CreateEntry(PackagePaths.Manifest, CompressionLevel.Fastest);
            manifestEntry.LastWriteTime = data.GeneratedAt;
            await using (var stream = manifestEntry.Open())
            {
                await stream.WriteAsync(manifest, cancellationToken);
            }

            var signature = new PackageSignature(EvidenceKeys.Algorithm, keys.KeyId!, PackagePaths.Manifest, Convert.ToBase64String(keys.Sign(manifest)));
            var signatureEntry = zip.CreateEntry(PackagePaths.Signature, CompressionLevel.Fastest);
            signatureEntry.LastWriteTime = data.GeneratedAt;
            await using (var stream = signatureEntry.Open())
            {
                await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(signature, Json), cancellationToken);
            }
        }

        return files;
    }

    internal static IEnumerable<Answer> OrderedAnswers(Assessment assessment) =>
        assessment.Answers.OrderBy(a => a.RequirementId, StringComparer.Ordinal).ThenBy(a => a.TargetObjectId);

    private async Task CopyStoredAsync(string storageKey, Stream target, CancellationToken cancellationToken)
    {
        await using var source = store.OpenRead(storageKey)
            ?? throw EvidencePackageException.Of("Die gespeicherte Datei {0} fehlt im Ablageordner; das Paket wäre unvollständig.", storageKey);
        await source.CopyToAsync(target, 81920, cancellationToken);
    }

    /// <summary>The refusal of a package because an answer's hash chain in the database does not verify.</summary>
    internal static EvidencePackageException BrokenChain(ChainBreak found) =>
        EvidencePackageException.Of("Der Antwortverlauf in der Datenbank ist nicht mehr unverändert, deshalb wird kein Paket erstellt: {0}", found.Description);

    /// <summary>
    /// Writes audit/answer-trail.jsonl from the history streamed out of the database (<see cref="EvidencePackageData.History"/>),
    /// one line per entry, and checks every answer's chain on the way (<see cref="AnswerChainVerifier.Incremental"/>).
    /// The first break – answers in trail order, entries by sequence – aborts the package with
    /// <see cref="EvidencePackageException"/>. Returns the number of entries.
    /// </summary>
    private static async Task<int> WriteTrailAsync(EvidencePackageData data, Dictionary<Guid, string> targets, Stream output, CancellationToken cancellationToken)
    {
        var answers = OrderedAnswers(data.Assessment).ToList();
        var positions = new Dictionary<Guid, int>(answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            positions[answers[i].Id] = i;
        }

        var check = new AnswerChainVerifier.Incremental(data.Assessment.Id);
        var next = 0;
        var entries = 0;

        // Ends the answer being checked and begins every answer up to and including position `to`; answers without
        // entries are checked on the way (their head and length must be empty). Returns the first break, if any.
        ChainBreak? AdvanceTo(int to)
        {
            while (next <= to)
            {
                if (check.Current is not null && check.End() is { } found)
                {
                    return found;
                }

                check.Begin(answers[next++]);
            }

            return null;
        }

        ChainBreak? broken = null;
        await using (var writer = new StreamWriter(output, new UTF8Encoding(false), 65536, leaveOpen: true))
        {
            writer.NewLine = "\n";
            await foreach (var (answerId, change) in data.History.ReadAsync(cancellationToken))
            {
                if (!positions.TryGetValue(answerId, out var position))
                {
                    throw EvidencePackageException.Of("Die Bewertung wurde während der Erstellung des Pakets geändert; bitte erneut herunterladen.");
                }

                if (position < next - 1)
                {
                    throw new InvalidOperationException($"The answer history arrived out of trail order (answer {answerId} after a later one); the trail would be wrong.");
                }

                broken = AdvanceTo(position);
                if (broken is not null)
                {
                    break;
                }

                check.Add(change);
                var answer = answers[position];
                var line = new TrailLine(
                    data.Assessment.Id,
                    answer.Id,
                    answer.RequirementId,
                    answer.TargetObjectId,
                    targets.GetValueOrDefault(answer.TargetObjectId, ""),
                    change.Sequence,
                    change.Id,
                    change.Field,
                    change.OldValue,
                    change.NewValue,
                    change.UserId,
                    data.UserName(change.UserId),
                    AnswerChain.FormatTime(change.At),
                    change.PreviousHash,
                    change.Hash ?? "");
                await writer.WriteLineAsync(JsonSerializer.Serialize(line, JsonLine).AsMemory(), cancellationToken);
                entries++;
            }
        }

        broken ??= AdvanceTo(answers.Count - 1) ?? (check.Current is not null ? check.End() : null);
        if (broken is not null)
        {
            // Confirmed from the answer's stored entries alone (the stream is closed by now): only a real break refuses
            // the package with the user's message; a disagreement would mean the stream's order is wrong.
            var confirmed = await data.History.VerifyAnswerAsync(answers[positions[broken.AnswerId]], cancellationToken)
                ?? throw new InvalidOperationException($"The streamed answer history reported a break in answer {broken.AnswerId} that its stored entries do not show: the stream's order is wrong.");
            throw BrokenChain(confirmed);
        }

        return entries;
    }

    private static object Workflow(EvidencePackageData data) => new
    {
        assessmentId = data.Assessment.Id,
        title = data.Assessment.Title,
        state = data.Assessment.State.ToString(),
        stateName = AssessmentTexts.StateName(data.Assessment.State),
        createdAt = AnswerChain.FormatTime(data.Assessment.CreatedAt),
        createdBy = data.UserName(data.Assessment.CreatedByUserId),
        approvedAt = AnswerChain.FormatTime(data.ApprovedAt),
        approvedBy = data.UserName(data.ApprovedByUserId),
        approvedByUserId = data.ApprovedByUserId,
        transitions = InOrder(data.Assessment.Transitions).Select(t => new
        {
            id = t.Id,
            from = t.From.ToString(),
            to = t.To.ToString(),
            trigger = t.Trigger.ToString(),
            triggerName = AssessmentTexts.TriggerName(t.Trigger),
            userId = t.ActorUserId,
            user = data.UserName(t.ActorUserId),
            at = AnswerChain.FormatTime(t.At),
            comment = t.Comment,
        }).ToList(),
    };

    /// <summary>
    /// Transitions by time; several in the same instant (ids do not order them) are put in the order in which one
    /// state leads to the next.
    /// </summary>
    internal static IReadOnlyList<AssessmentTransition> InOrder(IReadOnlyList<AssessmentTransition> transitions)
    {
        var ordered = new List<AssessmentTransition>(transitions.Count);
        AssessmentState? state = null;
        foreach (var group in transitions.GroupBy(t => t.At).OrderBy(g => g.Key))
        {
            var pending = group.OrderBy(t => t.Id).ToList();
            while (pending.Count > 0)
            {
                var next = pending.Find(t => t.From == state) ?? pending.Find(t => !pending.Exists(o => o.To == t.From)) ?? pending[0];
                pending.Remove(next);
                ordered.Add(next);
                state = next.To;
            }
        }

        return ordered;
    }

    private static object Manifest(EvidencePackageData data, IReadOnlyList<PackageFile> files, int trailEntries)
    {
        var header = data.Export.Header;
        return new
        {
            format = PackagePaths.Format,
            generatedAt = AnswerChain.FormatTime(data.GeneratedAt),
            assessment = new
            {
                id = data.Assessment.Id,
                title = data.Assessment.Title,
                municipality = header.MunicipalityName,
                ags = header.Ags,
                state = data.Assessment.State.ToString(),
                catalog = header.CatalogTitle,
                catalogVersion = header.CatalogVersion,
                approach = data.Assessment.Approach.ToString(),
                approvedAt = AnswerChain.FormatTime(data.ApprovedAt),
                approvedBy = data.UserName(data.ApprovedByUserId),
            },
            answerChain = new
            {
                format = AnswerChain.FormatTag,
                answers = data.Assessment.Answers.Count,
                entries = trailEntries,
                verified = true,
            },
            freshness = data.Freshness.Select(f => f.Message).ToList(),
            files = files.Select(f => new { path = f.Path, sha256 = f.Sha256, size = f.Size }).ToList(),
        };
    }
}
