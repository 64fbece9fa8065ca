using System.Globalization;
using System.Text;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Municipalities;

/// <summary>
/// Reads the Destatis Gemeindeverzeichnis GV100AD: fixed-width records of 220 characters, UTF-8, no header.
/// Each line is decoded as UTF-8 first and then cut by character position (names such as "Schlepzig/Słopišća"
/// take more bytes than characters). Positions in messages are 1-based as in the Destatis record description.
/// </summary>
/// <remarks>
/// The file is streamed. Destatis lists each Land (Satzart 10) and Kreis (Satzart 40) before its Gemeinden
/// (Satzart 60), so their names are joined as they come; a Gemeinde whose Kreis record is missing gets no
/// Kreis name. Errors are fail-fast: the first malformed line ends reading with a
/// <see cref="Gv100AdFormatException"/> that names the line. An import is all-or-nothing anyway, and a broken
/// file usually breaks on every line, so one precise message helps more than thousands of them.
/// </remarks>
public static class Gv100AdReader
{
    /// <summary>Length of every record in characters.</summary>
    public const int RecordLength = 220;

    /// <summary>
    /// The municipalities (Satzart 60 with Textkennzeichen 60–64 or 67), without the gemeindefreie Gebiete.
    /// For the file of 30.11.2025 these are 10,751.
    /// </summary>
    /// <exception cref="Gv100AdFormatException">While enumerating: a malformed line, or no Gemeinde record at all.</exception>
    public static IEnumerable<Gv100AdMunicipality> ReadMunicipalities(Stream stream) =>
        ReadAll(stream).Where(m => !m.IsGemeindefreiesGebiet);

    /// <summary>Every Satzart-60 record, including the gemeindefreie Gebiete (Textkennzeichen 65/66).</summary>
    /// <remarks>The stream is read from its current position and left open.</remarks>
    /// <exception cref="Gv100AdFormatException">While enumerating: a malformed line, or no Gemeinde record at all.</exception>
    public static IEnumerable<Gv100AdMunicipality> ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Iterate(stream);
    }

    private static IEnumerable<Gv100AdMunicipality> Iterate(Stream stream)
    {
        // Invalid bytes become U+FFFD and are reported with their exact line (a throwing decoder would fail
        // a whole buffer ahead of the line being parsed).
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var state = new ReaderState();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (ParseLine(line, lineNumber, state) is { } municipality)
            {
                yield return municipality;
            }
        }

        if (state.AgsLines.Count == 0)
        {
            throw new Gv100AdFormatException(MessageText.Of("Die Datei enthält keine Gemeinde-Datensätze (Satzart 60). Ist das eine GV100AD-Datei?"), lineNumber: null);
        }
    }

    private static Gv100AdMunicipality? ParseLine(string line, int lineNumber, ReaderState state)
    {
        var satzart = line.Length >= 2 ? line[..2] : line;
        if (satzart is not ("10" or "20" or "30" or "40" or "50" or "60"))
        {
            throw Error(lineNumber, MessageText.Of("Unbekannte Satzart „{0}“ in Spalten 1–2 (erwartet 10, 20, 30, 40, 50 oder 60). Ist das eine GV100AD-Datei im Festbreitenformat?", satzart));
        }

        if (line.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw Error(lineNumber, MessageText.Of("Die Zeile ist nicht gültig UTF-8-kodiert. GV100AD-Dateien sind UTF-8-kodiert; bitte die Originaldatei von Destatis verwenden."));
        }

        if (line.Length > RecordLength)
        {
            throw Error(lineNumber, MessageText.Of("Der Datensatz ist {0} Zeichen lang; GV100AD-Datensätze haben genau {1} Zeichen.", line.Length, RecordLength));
        }

        // Editors may strip trailing blanks; the record is blank-padded to its full length.
        var record = line.PadRight(RecordLength);
        var gebietsstand = ParseGebietsstand(record, lineNumber, state);
        switch (satzart)
        {
            case "10":
                ReadLand(record, lineNumber, state);
                return null;
            case "40":
                ReadKreis(record, lineNumber, state);
                return null;
            case "60":
                return ReadGemeinde(record, lineNumber, gebietsstand, state);
            default:
                return null;
        }
    }

    private static DateOnly ParseGebietsstand(string record, int lineNumber, ReaderState state)
    {
        var text = Field(record, 3, 10);
        if (!text.All(char.IsAsciiDigit)
            || !DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(lineNumber, MessageText.Of("Der Gebietsstand „{0}“ in Spalten 3–10 ist kein Datum im Format JJJJMMTT.", text.Trim()));
        }

        if (state.Gebietsstand is null)
        {
            state.Gebietsstand = date;
            state.GebietsstandLine = lineNumber;
        }
        else if (state.Gebietsstand != date)
        {
            throw Error(lineNumber, MessageText.Of(
                "Der Gebietsstand {0} weicht vom Gebietsstand {1} in Zeile {2} ab; eine Datei muss einen einzigen Gebietsstand haben.",
                Format(date), Format(state.Gebietsstand.Value), state.GebietsstandLine));
        }

        return date;
    }

    private static void ReadLand(string record, int lineNumber, ReaderState state)
    {
        var code = Field(record, 11, 12);
        if (!Land.TryFromCode(code, out var land))
        {
            throw Error(lineNumber, MessageText.Of("Der Landesschlüssel „{0}“ in Spalten 11–12 ist unbekannt; gültig sind 01 bis 16.", code.Trim()));
        }

        var name = Field(record, 23, 72).Trim();
        state.LandNames[land.Code] = name.Length > 0 ? name : land.Name;
    }

    private static void ReadKreis(string record, int lineNumber, ReaderState state)
    {
        var key = Field(record, 11, 15);
        if (!key.All(char.IsAsciiDigit) || !Land.TryFromCode(key[..2], out _))
        {
            throw Error(lineNumber, MessageText.Of("Der Kreisschlüssel „{0}“ in Spalten 11–15 ist ungültig (erwartet 5 Ziffern, beginnend mit einem Landesschlüssel 01 bis 16).", key.Trim()));
        }

        var name = Field(record, 23, 72).Trim();
        if (name.Length == 0)
        {
            throw Error(lineNumber, MessageText.Of("Der Name des Kreises in Spalten 23–72 fehlt."));
        }

        state.KreisNames[key] = name;
    }

    private static Gv100AdMunicipality ReadGemeinde(string record, int lineNumber, DateOnly gebietsstand, ReaderState state)
    {
        var agsText = Field(record, 11, 18);
        if (!Ags.TryParse(agsText, out var ags, out _))
        {
            throw Error(lineNumber, MessageText.Of("{0} (Spalten 11–18: „{1}“)", Ags.DescribeText(Ags.Validate(agsText), agsText), agsText.Trim()));
        }

        if (state.AgsLines.TryGetValue(ags.Value, out var firstLine))
        {
            throw Error(lineNumber, MessageText.Of("Der Amtliche Gemeindeschlüssel {0} kommt doppelt vor (zuerst in Zeile {1}).", ags.Value, firstLine));
        }

        state.AgsLines[ags.Value] = lineNumber;

        var name = Field(record, 23, 72).Trim();
        if (name.Length == 0)
        {
            throw Error(lineNumber, MessageText.Of("Der Gemeindename in Spalten 23–72 fehlt (AGS {0}).", ags.Value));
        }

        var tkText = Field(record, 123, 124);
        if (!int.TryParse(tkText, NumberStyles.None, CultureInfo.InvariantCulture, out var textkennzeichen) || textkennzeichen is < 60 or > 67)
        {
            throw Error(lineNumber, MessageText.Of("Das Textkennzeichen „{0}“ in Spalten 123–124 ist für eine Gemeinde unbekannt (erwartet 60 bis 67).", tkText.Trim()));
        }

        var populationText = Field(record, 140, 150);
        if (!int.TryParse(populationText, NumberStyles.None, CultureInfo.InvariantCulture, out var population))
        {
            throw Error(lineNumber, MessageText.Of("Die Bevölkerungszahl „{0}“ in Spalten 140–150 ist keine ganze Zahl.", populationText.Trim()));
        }

        MunicipalityType? type = textkennzeichen is 65 or 66 ? null : (MunicipalityType)textkennzeichen;
        var landName = state.LandNames.GetValueOrDefault(ags.LandCode) ?? ags.Land.Name;
        var kreisName = state.KreisNames.GetValueOrDefault(ags.KreisKey);
        return new Gv100AdMunicipality(lineNumber, gebietsstand, ags, name, landName, kreisName, textkennzeichen, type, population);
    }

    /// <summary>Columns <paramref name="from"/> to <paramref name="to"/>, 1-based and inclusive as in the Destatis description.</summary>
    private static string Field(string record, int from, int to) => record.Substring(from - 1, to - from + 1);

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static Gv100AdFormatException Error(int lineNumber, MessageText reason) => new(reason, lineNumber);

    /// <summary>What one enumeration has seen so far (local to it; nothing is shared between reads).</summary>
    private sealed class ReaderState
    {
        public Dictionary<string, string> LandNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> KreisNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> AgsLines { get; } = new(StringComparer.Ordinal);

        public DateOnly? Gebietsstand { get; set; }

        public int GebietsstandLine { get; set; }
    }
}
