using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grundschutz.Infrastructure.Evidence;

namespace Grundschutz.Web.Tests.Evidence;

/// <summary>Reads and rewrites package ZIPs for the tamper tests.</summary>
internal static class PackageZip
{
    public static Dictionary<string, byte[]> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }

        return files;
    }

    public static byte[] Write(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// Alters a package four ways at once, as the verification tests expect them reported: an answer-trail entry's new
    /// value „Nein“ turned into „Ja“ (the trail re-sealed in a newly signed manifest, so only the entry's own hash gives
    /// it away), A.1 changed, A.6 removed, a file added. Returns the altered entry's line number (from 1) and change id.
    /// </summary>
    public static (int Line, Guid ChangeId) AlterFourWays(Dictionary<string, byte[]> files, string keyPath, string keyId)
    {
        var lines = Encoding.UTF8.GetString(files[PackagePaths.AnswerTrail]).Split('\n').ToList();
        var index = lines.FindIndex(l => l.Contains("\"new\":\"Nein\"", StringComparison.Ordinal));
        var changeId = JsonSerializer.Deserialize<TrailLine>(lines[index])!.ChangeId;
        lines[index] = lines[index].Replace("\"new\":\"Nein\"", "\"new\":\"Ja\"", StringComparison.Ordinal);
        files[PackagePaths.AnswerTrail] = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        Reseal(files, keyPath, keyId, PackagePaths.AnswerTrail);
        files["A.1_Strukturanalyse.html"] = Encoding.UTF8.GetBytes("geändert");
        files.Remove("A.6_Realisierungsplan.html");
        files["Nachweise/nachgereicht.pdf"] = Encoding.UTF8.GetBytes("%PDF-1.4 später");
        return (index + 1, changeId);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Updates the manifest entry of <paramref name="path"/> to the new bytes and signs the manifest again with <paramref name="keyPath"/>.</summary>
    public static void Reseal(Dictionary<string, byte[]> files, string keyPath, string keyId, params string[] paths)
    {
        var manifest = JsonNode.Parse(files[PackagePaths.Manifest])!;
        foreach (var path in paths)
        {
            var entry = manifest["files"]!.AsArray().First(f => (string?)f!["path"] == path)!;
            entry["sha256"] = Sha256(files[path]);
            entry["size"] = files[path].LongLength;
        }

        Sign(files, manifest.ToJsonString(), keyPath, keyId);
    }

    public static void Sign(Dictionary<string, byte[]> files, string manifestJson, string keyPath, string keyId)
    {
        var bytes = Encoding.UTF8.GetBytes(manifestJson);
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(keyPath));
        var signature = key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        files[PackagePaths.Manifest] = bytes;
        files[PackagePaths.Signature] = JsonSerializer.SerializeToUtf8Bytes(new PackageSignature(EvidenceKeys.Algorithm, keyId, PackagePaths.Manifest, Convert.ToBase64String(signature)));
    }
}
