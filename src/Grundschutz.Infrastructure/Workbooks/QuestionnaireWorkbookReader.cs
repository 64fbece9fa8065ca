using System.Globalization;
using System.Text;
using System.Xml;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Infrastructure.Workbooks;

/// <summary>
/// Reads an uploaded questionnaire workbook without ClosedXML: after <see cref="XlsxGuard"/> has checked the zip,
/// the workbook part (sheet names), the shared strings and the two sheets are streamed with an
/// <see cref="XmlReader"/> (no DTDs, no external resources). The whole file is refused — with a German message and
/// nothing changed — when a required sheet is missing (renamed or deleted), any cell holds a formula (nothing is
/// taken from formulas, not even their cached result), a cell holds more than Excel's 32,767 characters, or the
/// questions sheet has more rows than allowed. Streaming keeps a 100,000-row file from being materialised first.
/// </summary>
public static class QuestionnaireWorkbookReader
{
    /// <summary>Excel's limit for one cell.</summary>
    public const int MaxCellLength = 32_767;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly MessageText SharedText = MessageText.Of("einem gemeinsamen Text");
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static ParsedQuestionnaire Read(Stream content, AnswerWorkbookOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        using var package = XlsxGuard.Open(content, options);
        try
        {
            var sheets = ReadSheets(package);
            var shared = ReadSharedStrings(package);
            var metaPart = Require(sheets, QuestionnaireFormat.MetadataSheet);
            var questionsPart = Require(sheets, QuestionnaireFormat.QuestionsSheet);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in ReadRows(package, metaPart, shared, QuestionnaireFormat.MetadataSheet, 2, 100))
            {
                if (row[1]?.AsText() is { Length: > 0 } label)
                {
                    metadata[label.Trim()] = row[2]?.AsText().Trim() ?? "";
                }
            }

            var rows = new List<WorkbookRow>();
            var header = true;
            var anyRow = false;
            foreach (var row in ReadRows(package, questionsPart, shared, QuestionnaireFormat.QuestionsSheet, QuestionnaireFormat.ColumnCount, options.MaxRows + 1))
            {
                anyRow = true;
                if (header && row.RowNumber == 1)
                {
                    header = false;
                    continue;
                }

                if (!row.IsBlank)
                {
                    rows.Add(row);
                }
            }

            // Not even the header row: the sheet was emptied or replaced, which is no answer to anything – refused
            // rather than read as „0 rows, nothing changes“.
            if (!anyRow)
            {
                throw new WorkbookRejectedException(MessageText.Of(
                    "Das Blatt „{0}“ ist leer (nicht einmal die Kopfzeile ist da). Bitte den Fragebogen neu exportieren und nur die Antwortspalten bearbeiten.",
                    QuestionnaireFormat.QuestionsSheet));
            }

            return new ParsedQuestionnaire(metadata, rows);
        }
        catch (XmlException)
        {
            throw new WorkbookRejectedException(MessageText.Of("Die Datei ist beschädigt: Ein Teil der Arbeitsmappe ist kein gültiges XML."));
        }
        catch (InvalidDataException)
        {
            throw new WorkbookRejectedException(XlsxGuard.Damaged);
        }
    }

    private static string Require(Dictionary<string, string> sheets, string name) =>
        sheets.TryGetValue(name, out var part)
            ? part
            : throw new WorkbookRejectedException(MessageText.Of(
                "Das Blatt „{0}“ fehlt in der Arbeitsmappe (umbenannt oder gelöscht?). Bitte den Fragebogen neu exportieren und die Blätter nicht umbenennen. Gefundene Blätter: {1}.",
                name,
                sheets.Count == 0 ? MessageText.Of("keine") : MessageText.Join(", ", sheets.Keys.Select(k => MessageText.Of("„{0}“", k)))));

    private static XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    });

    /// <summary>Sheet name → part path, from xl/workbook.xml and its relationships.</summary>
    private static Dictionary<string, string> ReadSheets(XlsxGuard package)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = package.OpenEntry("xl/_rels/workbook.xml.rels")
            ?? throw new WorkbookRejectedException(MessageText.Of("Die Datei ist keine vollständige Excel-Arbeitsmappe (Verzeichnis der Blätter fehlt).")))
        using (var reader = CreateReader(rels))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var sheets = new Dictionary<string, string>(StringComparer.Ordinal);
        using var workbook = package.OpenEntry("xl/workbook.xml")
            ?? throw new WorkbookRejectedException(MessageText.Of("Die Datei ist keine vollständige Excel-Arbeitsmappe (xl/workbook.xml fehlt)."));
        using var xml = CreateReader(workbook);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == Main)
            {
                var name = xml.GetAttribute("name");
                var id = xml.GetAttribute("id", OfficeRelationships);
                if (name is not null && id is not null && targets.TryGetValue(id, out var part))
                {
                    sheets[name] = part;
                }
            }
        }

        return sheets;
    }

    private static List<string> ReadSharedStrings(XlsxGuard package)
    {
        var strings = new List<string>();
        using var stream = package.OpenEntry("xl/sharedStrings.xml");
        if (stream is null)
        {
            return strings;
        }

        using var reader = CreateReader(stream);
        StringBuilder? current = null;
        var phonetic = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "si":
                    current = new StringBuilder();
                    if (reader.IsEmptyElement)
                    {
                        strings.Add("");
                        current = null;
                    }

                    break;
                case XmlNodeType.Element when reader.LocalName == "rPh" && !reader.IsEmptyElement:
                    phonetic++;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "rPh":
                    phonetic--;
                    break;
                case XmlNodeType.Element when reader.LocalName == "t" && current is not null && phonetic == 0 && !reader.IsEmptyElement:
                    current.Append(reader.ReadElementContentAsString());
                    CheckLength(current.Length, SharedText);
                    if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
                    {
                        strings.Add(Unescape(current.ToString()));
                        current = null;
                    }

                    break;
                case XmlNodeType.EndElement when reader.LocalName == "si" && current is not null:
                    strings.Add(Unescape(current.ToString()));
                    current = null;
                    break;
            }
        }

        return strings;
    }

    private static IEnumerable<WorkbookRow> ReadRows(XlsxGuard package, string part, List<string> shared, string sheetName, int columns, int maxRows)
    {
        var stream = package.OpenEntry(part)
            ?? throw new WorkbookRejectedException(MessageText.Of("Das Blatt „{0}“ ist in der Datei angemeldet, fehlt aber.", sheetName));
        using var reader = CreateReader(stream);
        var count = 0;
        var implicitRow = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row" || reader.NamespaceURI != Main)
            {
                continue;
            }

            count++;
            if (count > maxRows)
            {
                throw new WorkbookRejectedException(MessageText.Of(
                    "Das Blatt „{0}“ hat mehr als {1:N0} Zeilen. So viele Anforderungen hat keine Bewertung; die Datei wird nicht gelesen.", sheetName, maxRows - 1));
            }

            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : implicitRow + 1;
            implicitRow = number;
            var cells = new WorkbookCell?[columns];
            if (!reader.IsEmptyElement)
            {
                ReadCells(reader, shared, sheetName, number, cells);
            }

            yield return new WorkbookRow(number, cells);
        }
    }

    private static void ReadCells(XmlReader reader, List<string> shared, string sheetName, int rowNumber, WorkbookCell?[] cells)
    {
        var depth = reader.Depth;
        var implicitColumn = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var reference = reader.GetAttribute("r");
            var column = reference is null ? implicitColumn + 1 : ColumnOf(reference);
            implicitColumn = column;
            var type = reader.GetAttribute("t");
            string? value = null;
            string? inline = null;
            if (!reader.IsEmptyElement)
            {
                var cellDepth = reader.Depth;
                while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth))
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    switch (reader.LocalName)
                    {
                        case "f":
                            throw new WorkbookRejectedException(MessageText.Of(
                                "Die Zelle {0} im Blatt „{1}“ enthält eine Formel. Formeln werden nicht übernommen – bitte nur Werte eintragen und die Datei erneut hochladen.",
                                reference is null ? MessageText.Of("in Zeile {0}", rowNumber) : (object)reference,
                                sheetName));
                        case "v" when !reader.IsEmptyElement:
                            value = reader.ReadElementContentAsString();
                            CheckLength(value.Length, reference);
                            break;
                        case "t" when !reader.IsEmptyElement:
                            inline = (inline ?? "") + reader.ReadElementContentAsString();
                            CheckLength(inline.Length, reference);
                            break;
                    }

                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth)
                    {
                        break;
                    }
                }
            }

            if (column < 1 || column > cells.Length)
            {
                continue;
            }

            cells[column - 1] = type switch
            {
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count
                    ? new WorkbookCell(shared[index], null)
                    : throw new WorkbookRejectedException(MessageText.Of("Die Zelle {0} verweist auf einen Text, den es in der Datei nicht gibt.", reference ?? "")),
                "inlineStr" => new WorkbookCell(Unescape(inline ?? ""), null),
                "str" or "e" => new WorkbookCell(value ?? "", null),
                "b" => new WorkbookCell(value == "1" ? "WAHR" : "FALSCH", null),
                _ => value is null
                    ? null
                    : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? new WorkbookCell(null, number)
                        : new WorkbookCell(value, null),
            };
        }
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
                if (column > 16_384)
                {
                    return 0;
                }
            }
            else
            {
                break;
            }
        }

        return column;
    }

    /// <summary>Refuses a text longer than a cell holds; <paramref name="cell"/> is the cell's reference.</summary>
    private static void CheckLength(int length, string? cell)
    {
        if (length > MaxCellLength)
        {
            CheckLength(length, MessageText.Of("der Zelle {0}", cell ?? ""));
        }
    }

    /// <summary>Refuses a text longer than a cell holds; <paramref name="where"/> says where it stands (dative: „in …“).</summary>
    private static void CheckLength(int length, MessageText where)
    {
        if (length > MaxCellLength)
        {
            throw new WorkbookRejectedException(MessageText.Of(
                "Der Text in {0} ist länger als {1:N0} Zeichen (mehr fasst eine Excel-Zelle nicht). Die Datei wird nicht gelesen.", where, MaxCellLength));
        }
    }

    /// <summary>Undoes the OOXML escape <c>_xHHHH_</c> (and <c>_x005F_</c> for a literal underscore).</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 6;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        // „_x0001_“ and the like decode to control characters no one types (and PostgreSQL refuses NUL).
        return PlainText.Clean(builder.ToString());
    }
}
