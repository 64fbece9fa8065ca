using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using ClosedXML.Excel;

namespace Grundschutz.Web.Tests.Workbooks;

/// <summary>Edits downloaded questionnaire workbooks the way a user (or an attacker) would, and builds hostile files by hand.</summary>
internal static class QuestionnaireWorkbooks
{
    public const string Questions = "Fragebogen";

    /// <summary>Opens <paramref name="bytes"/> with ClosedXML, applies <paramref name="edit"/> and saves.</summary>
    public static byte[] Edit(byte[] bytes, Action<XLWorkbook> edit)
    {
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        edit(workbook);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>The row of the questions sheet for a requirement on a target object (by name).</summary>
    public static IXLRow Row(XLWorkbook workbook, string requirementId, string targetName) =>
        workbook.Worksheet(Questions).RowsUsed().Single(r => r.Cell(1).GetString() == requirementId && r.Cell(3).GetString() == targetName);

    /// <summary>Replaces the part holding the questions sheet (found by its header) with <paramref name="writeSheet"/>'s XML.</summary>
    public static byte[] ReplaceQuestionsSheet(byte[] bytes, Action<TextWriter> writeSheet)
    {
        using var source = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace package = "http://schemas.openxmlformats.org/package/2006/relationships";
        XDocument Load(string name)
        {
            using var stream = source.GetEntry(name)!.Open();
            return XDocument.Load(stream);
        }

        var relId = (string)Load("xl/workbook.xml").Descendants(main + "sheet").Single(e => (string?)e.Attribute("name") == Questions).Attribute(rel + "id")!;
        var target = (string)Load("xl/_rels/workbook.xml.rels").Descendants(package + "Relationship").Single(e => (string?)e.Attribute("Id") == relId).Attribute("Target")!;
        var questionsPart = target.StartsWith('/') ? target[1..] : "xl/" + target;
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var to = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == questionsPart)
                {
                    using var writer = new StreamWriter(to, new UTF8Encoding(false), 1 << 16);
                    writeSheet(writer);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>A zip whose only entry is <paramref name="megabytes"/> MB of zeros: a few hundred kB packed.</summary>
    public static byte[] ZipBomb(int megabytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
