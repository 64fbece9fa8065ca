using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// Reads the official IT-Grundschutz-Kompendium XML (DocBook 5, e.g. Edition 2023): one layer group
/// per layer chapter, one module group per Baustein and one requirement per requirement section,
/// withdrawn ("ENTFALLEN") ones included.
/// </summary>
public static partial class KompendiumXmlReader
{
    private const string DefaultTitle = "IT-Grundschutz-Kompendium";
    private static readonly MessageText DtdForbidden = MessageText.Of("Die XML-Datei enthält eine DTD/Entitätsdefinition; das ist aus Sicherheitsgründen nicht erlaubt.");
    private static readonly MessageText NotWellFormed = MessageText.Of("Die XML-Datei ist nicht wohlgeformt und kann nicht gelesen werden.");
    private static readonly MessageText NoModules = MessageText.Of("Die Datei ist kein IT-Grundschutz-Kompendium (DocBook-XML): Sie enthält keine Bausteine (Kapitel mit Abschnitten wie „SYS.2.1 Allgemeiner Client“).");

    // A DOCTYPE can only stand in the prolog; 64 KB of it is far more than any real prolog needs.
    private const int PrologCaptureBytes = 64 * 1024;

    /// <summary>Reads the whole Kompendium. Throws <see cref="CatalogFormatException"/> on bad input.</summary>
    /// <param name="xml">The XML file's content; it is read to the end but not closed.</param>
    /// <returns>Layers and modules (parents first) and all requirements in source order.</returns>
    /// <exception cref="CatalogFormatException">
    /// The content is not well-formed XML, contains a DTD, is not a DocBook book or has no Bausteine,
    /// or a requirement heading or id is unusable. <see cref="CatalogFormatException.Location"/> says where.
    /// </exception>
    public static CatalogDocument Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // The streaming reader handles the usual shape (every chapter and section starts with its
        // title); anything else is read again, from the start, as a whole tree.
        var source = xml;
        if (!source.CanSeek)
        {
            var copy = new MemoryStream();
            source.CopyTo(copy);
            copy.Position = 0;
            source = copy;
        }

        var start = source.Position;
        try
        {
            return ReadStreaming(source);
        }
        catch (NotStreamableException)
        {
            source.Position = start;
        }

        return ReadTree(source);
    }

    private static CatalogDocument ReadTree(Stream xml)
    {
        var book = Load(xml).Root!;
        if (book.Name != DocBookText.Book)
        {
            throw new CatalogFormatException(WrongRoot(book.Name.LocalName, book.Name.NamespaceName), LocationOf(book));
        }

        var state = new ReadState();
        var frontChapters = new List<XElement>();
        foreach (var chapter in book.Elements(DocBookText.Chapter))
        {
            var modules = chapter.Elements(DocBookText.Section)
                .Select(static section => (Section: section, Heading: KompendiumHeadings.ParseModule(DocBookText.TitleOf(section))))
                .Where(static m => m.Heading is not null)
                .Select(static m => (m.Section, Heading: m.Heading!.Value))
                .ToList();
            if (modules.Count == 0)
            {
                // Vorwort, Rollen, Glossar, Elementare Gefährdungen …: no groups, but the
                // Modellierung table and the edition are found here.
                frontChapters.Add(chapter);
                continue;
            }

            ReadLayer(chapter, modules, state);
        }

        if (state.Modules.Count == 0)
        {
            throw new CatalogFormatException(NoModules, LocationOf(book));
        }

        return Finish(state, frontChapters, InfoTitle(book.Element(DocBookText.Info)), (string?)book.Attribute(XNamespace.Xml + "lang"));
    }

    private static CatalogDocument Finish(ReadState state, List<XElement> frontChapters, string? infoTitle, string? xmlLang)
    {
        var language = CatalogLanguage.FromKompendium(xmlLang, state.Warnings);
        var modelling = ReadModellingTable(frontChapters, state);
        var edition = EditionOf(infoTitle, frontChapters);
        if (edition is null)
        {
            state.Warnings.Add(MessageText.Of("Die Edition des Kompendiums ist in der Datei nicht angegeben."));
        }

        return new CatalogDocument
        {
            Format = CatalogFormat.KompendiumXml,
            Framework = CatalogFramework.ItGrundschutz,
            Title = infoTitle ?? DefaultTitle,
            Version = edition ?? "Edition unbekannt",
            Language = language,
            Groups = state.Groups.Select(g => ApplyModelling(g, modelling)).ToArray(),
            Requirements = state.Requirements.ToArray(),
            Warnings = state.Warnings.ToArray(),
        };
    }

    private static XmlReaderSettings NewSettings() =>
        new()
        {
            // No DTD means no entity expansion (billion laughs) and no external entities.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,

            // White space between inline elements ("<emphasis>a</emphasis> <emphasis>b</emphasis>")
            // separates words, so it must not be dropped.
            IgnoreWhitespace = false,
            CloseInput = false,
        };

    private static XDocument Load(Stream xml)
    {
        var capture = new PrologCaptureStream(xml, PrologCaptureBytes);
        using var reader = XmlReader.Create(capture, NewSettings());
        var rootReached = false;
        try
        {
            // The prolog is read first so that a failure in it can be told apart: the parser
            // reports a prohibited DTD without line information.
            rootReached = reader.MoveToContent() == XmlNodeType.Element;
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw NotReadable(ex, rootReached, capture);
        }
    }

    /// <summary>The refusal of a root element that is not DocBook's book.</summary>
    private static MessageText WrongRoot(string localName, string namespaceName) => MessageText.Of(
        "Die Datei ist kein IT-Grundschutz-Kompendium (DocBook-XML): Das Wurzelelement ist <{0}> {1}, erwartet wird <book> im Namensraum {2}.",
        localName,
        namespaceName.Length == 0 ? MessageText.Of("ohne Namensraum") : MessageText.Of("im Namensraum {0}", namespaceName),
        DocBookText.Ns.NamespaceName);

    private static CatalogFormatException NotReadable(XmlException ex, bool rootReached, PrologCaptureStream capture)
    {
        if (!rootReached && FindDoctype(capture.Captured) is { } doctypeLocation)
        {
            return new CatalogFormatException(DtdForbidden, doctypeLocation, ex);
        }

        var location = ex.LineNumber > 0 ? FormatLocation(ex.LineNumber, ex.LinePosition) : null;
        return new CatalogFormatException(NotWellFormed, location, ex);
    }

    private static void ReadLayer(XElement chapter, List<(XElement Section, (string Id, string Title) Heading)> modules, ReadState state)
    {
        var (layerId, layerTitle) = SplitLayerTitle(DocBookText.TitleOf(chapter));
        AddLayer(layerId, layerTitle, PositionOf(chapter), state);

        var moduleOrder = 0;
        foreach (var (section, (moduleId, moduleTitle)) in modules)
        {
            StartModule(moduleId, layerId, PositionOf(section), state);
            var module = ReadModule(section, moduleId, moduleTitle, state) with { ParentId = layerId, Order = moduleOrder++ };
            state.Groups.Add(module);
            state.Modules.Add(moduleId);
        }
    }

    private static void AddLayer(string layerId, string layerTitle, SourcePosition? chapter, ReadState state)
    {
        if (!state.GroupIds.Add(layerId))
        {
            throw new CatalogFormatException(MessageText.Of("Die Schicht {0} kommt mehrfach vor.", layerId), Format(chapter));
        }

        state.Groups.Add(new CatalogGroup
        {
            Id = layerId,
            Title = layerTitle,
            Kind = GroupKind.Layer,
            Order = state.Groups.Count(static g => g.Kind == GroupKind.Layer),
        });
    }

    private static void StartModule(string moduleId, string layerId, SourcePosition? section, ReadState state)
    {
        if (!state.GroupIds.Add(moduleId))
        {
            throw new CatalogFormatException(MessageText.Of("Der Baustein {0} kommt mehrfach vor.", moduleId), Format(section));
        }

        if (!moduleId.StartsWith(layerId + ".", StringComparison.Ordinal))
        {
            state.Warnings.Add(MessageText.Of("Der Baustein {0} steht im Kapitel der Schicht {1}.", moduleId, layerId));
        }
    }

    private static (string Id, string Title) SplitLayerTitle(string chapterTitle)
    {
        var space = chapterTitle.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (chapterTitle, chapterTitle) : (chapterTitle[..space], chapterTitle[(space + 1)..]);
    }

    private static CatalogGroup ReadModule(XElement section, string moduleId, string moduleTitle, ReadState state)
    {
        string? description = null;
        XElement? requirementsSection = null;
        foreach (var child in section.Elements(DocBookText.Section))
        {
            switch (DocBookText.TitleOf(child))
            {
                case "Beschreibung":
                    description ??= DocBookText.Blocks(child);
                    break;
                case "Anforderungen":
                    requirementsSection ??= child;
                    break;
            }
        }

        string? responsible = null;
        IReadOnlyList<string> furtherRoles = [];
        if (requirementsSection is null)
        {
            state.Warnings.Add(MessageText.Of("Der Baustein {0} hat keinen Abschnitt „Anforderungen“.", moduleId));
        }
        else
        {
            (responsible, furtherRoles) = ReadResponsibilities(requirementsSection);
            ReadRequirements(requirementsSection, moduleId, state);
        }

        return new CatalogGroup
        {
            Id = moduleId,
            Title = moduleTitle,
            Kind = GroupKind.Module,
            Description = string.IsNullOrEmpty(description) ? null : description,
            ResponsibleRole = responsible,
            FurtherRoles = furtherRoles,
        };
    }

    private static (string? Responsible, IReadOnlyList<string> Further) ReadResponsibilities(XElement requirementsSection)
    {
        string? responsible = null;
        IReadOnlyList<string> further = [];
        var table = requirementsSection.Elements(DocBookText.InformalTable).FirstOrDefault();
        return table is null ? (responsible, further) : ReadResponsibilityTable(table);
    }

    private static (string? Responsible, IReadOnlyList<string> Further) ReadResponsibilityTable(XElement table)
    {
        string? responsible = null;
        IReadOnlyList<string> further = [];

        // Rows are found by their label, so the extra "Zuständigkeit | Rolle" row of the IND
        // Bausteine (and the header row) are simply not matched.
        foreach (var cells in DocBookText.TableRows(table))
        {
            if (cells.Count < 2)
            {
                continue;
            }

            switch (cells[0])
            {
                case "Grundsätzlich zuständig" when cells[1].Length > 0:
                    responsible = cells[1];
                    break;
                case "Weitere Zuständigkeiten":
                    // Several Bausteine write "Keine" (none) instead of leaving the cell empty.
                    further = cells[1] is "Keine" or "-" or "–" ? [] : KompendiumHeadings.SplitRoles(cells[1]);
                    break;
            }
        }

        return (responsible, further);
    }

    private static void ReadRequirements(XElement requirementsSection, string moduleId, ReadState state)
    {
        var order = 0;
        foreach (var levelSection in requirementsSection.Elements(DocBookText.Section))
        {
            var levelTitle = DocBookText.TitleOf(levelSection);
            var sectionLevel = KompendiumHeadings.LevelOfSection(levelTitle);
            foreach (var section in levelSection.Elements(DocBookText.Section))
            {
                var headingText = DocBookText.TitleOf(section);
                if (ParseHeading(headingText, moduleId, sectionLevel, levelTitle, PositionOf(section), state) is not { } heading)
                {
                    continue;
                }

                state.Requirements.Add(ToRequirement(DocBookText.Blocks(section), PositionOf(section), heading, moduleId, order++, sectionLevel, levelTitle, state));
            }
        }
    }

    /// <summary>The requirement heading; null (with a warning) for a subsection to skip.</summary>
    private static RequirementHeading? ParseHeading(string headingText, string moduleId, RequirementLevel? sectionLevel, string levelTitle, SourcePosition? section, ReadState state)
    {
        var heading = KompendiumHeadings.ParseRequirement(headingText);
        if (heading is null)
        {
            if (sectionLevel is null)
            {
                // A subsection of an unknown kind, not a requirement list: keep going.
                state.Warnings.Add(MessageText.Of("Baustein {0}: Abschnitt „{1}“ / „{2}“ wurde übersprungen.", moduleId, levelTitle, headingText));
                return null;
            }

            throw new CatalogFormatException(
                MessageText.Of("Die Überschrift „{0}“ im Baustein {1} ist keine Anforderung im Format „<ID> <Titel> (B|S|H) [Rollen]“.", headingText, moduleId),
                Format(section));
        }

        return heading;
    }

    private static Requirement ToRequirement(
        string statement,
        SourcePosition? section,
        RequirementHeading heading,
        string moduleId,
        int order,
        RequirementLevel? sectionLevel,
        string levelTitle,
        ReadState state)
    {
        var id = $"{moduleId}.A{heading.Number}";
        var props = new List<CatalogProperty> { new("level", heading.LevelLetter) };
        if (!string.Equals(id, heading.SourceId, StringComparison.Ordinal))
        {
            // Known case: "OPS.2.3A22" (Edition 2023). An earlier BSI revision also had
            // "SYS.1.2.2.A5" inside SYS.1.2.3. The module the section stands in is authoritative.
            var reason = heading.MissingDot && string.Equals(heading.ModuleId, moduleId, StringComparison.Ordinal)
                ? MessageText.Of("der Punkt vor „A“ fehlt")
                : MessageText.Of("die Anforderung steht im Baustein {0}", moduleId);
            state.Warnings.Add(MessageText.Of("Anforderungs-ID „{0}“ wurde zu „{1}“ korrigiert ({2}).", heading.SourceId, id, reason));
            props.Add(new CatalogProperty("source-id", heading.SourceId));
        }

        if (!state.RequirementIds.Add(id))
        {
            throw new CatalogFormatException(MessageText.Of("Die Anforderungs-ID {0} kommt mehrfach vor.", id), Format(section));
        }

        if (sectionLevel is { } expected && expected != heading.Level)
        {
            state.Warnings.Add(MessageText.Of("Anforderung {0} ist mit ({1}) gekennzeichnet, steht aber im Abschnitt „{2}“; die Kennzeichnung in der Überschrift gilt.", id, heading.LevelLetter, levelTitle));
        }

        props.AddRange(heading.Roles.Select(static role => new CatalogProperty("role", role)));
        var withdrawn = string.Equals(heading.Title, KompendiumHeadings.Withdrawn, StringComparison.Ordinal);
        return new Requirement
        {
            Id = id,
            Title = heading.Title,
            GroupId = moduleId,
            Order = order,
            Level = heading.Level,
            Roles = heading.Roles,
            Statement = statement,
            ModalVerb = withdrawn ? null : KompendiumHeadings.ModalVerbOf(statement),
            Withdrawn = withdrawn,
            Props = props,
        };
    }

    /// <summary>
    /// The table "Baustein | Reihenfolge | Anzuwenden auf Zielobjekttyp" of the chapter
    /// "Schichtenmodell und Modellierung", keyed by module id. Found by its header, not its position.
    /// </summary>
    private static Dictionary<string, (string? Order, string? TargetType)> ReadModellingTable(List<XElement> frontChapters, ReadState state)
    {
        var result = new Dictionary<string, (string? Order, string? TargetType)>(StringComparer.Ordinal);
        var tables = frontChapters.SelectMany(static c => c.Descendants(DocBookText.InformalTable).Concat(c.Descendants(DocBookText.Table)));
        foreach (var table in tables)
        {
            var rows = DocBookText.TableRows(table).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var header = rows[0];
            var moduleColumn = IndexOf(header, static h => h.StartsWith("Baustein", StringComparison.Ordinal));
            var orderColumn = IndexOf(header, static h => h.StartsWith("Reihenfolge", StringComparison.Ordinal));
            var typeColumn = IndexOf(header, static h => h.Contains("Zielobjekt", StringComparison.Ordinal));
            if (moduleColumn < 0 || (orderColumn < 0 && typeColumn < 0))
            {
                continue;
            }

            foreach (var row in rows.Skip(1))
            {
                if (moduleColumn >= row.Count || KompendiumHeadings.ParseModule(row[moduleColumn]) is not { } module)
                {
                    continue;
                }

                var processingOrder = Cell(row, orderColumn);
                if (processingOrder is not null && !ProcessingOrderPattern().IsMatch(processingOrder))
                {
                    state.Warnings.Add(MessageText.Of("Baustein {0}: Reihenfolge „{1}“ ist nicht R1, R2 oder R3 und wurde ignoriert.", module.Id, processingOrder));
                    processingOrder = null;
                }

                if (!state.Modules.Contains(module.Id))
                {
                    state.Warnings.Add(MessageText.Of("Die Modellierungstabelle nennt den Baustein {0}, den die Datei nicht enthält.", module.Id));
                    continue;
                }

                result[module.Id] = (processingOrder, Cell(row, typeColumn));
            }
        }

        return result;
    }

    private static CatalogGroup ApplyModelling(CatalogGroup group, Dictionary<string, (string? Order, string? TargetType)> modelling) =>
        group.Kind == GroupKind.Module && modelling.TryGetValue(group.Id, out var entry)
            ? group with { ProcessingOrder = entry.Order, TargetObjectType = entry.TargetType }
            : group;

    private static string? InfoTitle(XElement? info)
    {
        var title = info?.Element(DocBookText.Title);
        var text = title is null ? "" : DocBookText.Inline(title, keepLineBreaks: false);
        return text.Length > 0 ? text : null;
    }

    /// <summary>
    /// "Edition 2023": from the book title if it names one (it does not in 2023), else from the
    /// sentence "Die Edition 2023 des IT-Grundschutz-Kompendiums …" in the front matter, else the
    /// latest "Edition NNNN" the front matter mentions (it also mentions the previous edition).
    /// </summary>
    private static string? EditionOf(string? title, List<XElement> frontChapters)
    {
        if (title is not null && EditionPattern().Match(title) is { Success: true } inTitle)
        {
            return "Edition " + inTitle.Groups["year"].Value;
        }

        int? latest = null;
        foreach (var para in frontChapters.SelectMany(static c => c.Descendants(DocBookText.Para)))
        {
            var text = para.Value;
            if (OwnEditionPattern().Match(text) is { Success: true } own)
            {
                return "Edition " + own.Groups["year"].Value;
            }

            foreach (Match mentioned in EditionPattern().Matches(text))
            {
                var year = int.Parse(mentioned.Groups["year"].Value, CultureInfo.InvariantCulture);
                latest = Math.Max(latest ?? year, year);
            }
        }

        return latest is { } y ? "Edition " + y.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static MessageText? FindDoctype(ReadOnlySpan<byte> prolog)
    {
        using var decoder = new StreamReader(new MemoryStream(prolog.ToArray()), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = decoder.ReadToEnd();
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (doctype < 0)
        {
            return null;
        }

        var firstElement = FirstElementPattern().Match(text);
        if (firstElement.Success && firstElement.Index < doctype)
        {
            return null;
        }

        var line = 1 + text.AsSpan(0, doctype).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, doctype - 1)) + 1;
        return FormatLocation(line, doctype - lineStart + 1);
    }

    private static int IndexOf(IReadOnlyList<string> cells, Func<string, bool> predicate)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (predicate(cells[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Cell(IReadOnlyList<string> row, int column) =>
        column >= 0 && column < row.Count && row[column].Length > 0 ? row[column] : null;

    private static MessageText? LocationOf(XObject node) => Format(PositionOf(node));

    private static SourcePosition? PositionOf(object? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : null;

    private static MessageText? Format(SourcePosition? position) =>
        position is { } p ? FormatLocation(p.Line, p.Position) : null;

    private static MessageText FormatLocation(int line, int position) => CatalogLocations.LineAndPosition(line, position);

    [GeneratedRegex(@"\bEdition (?<year>[0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex EditionPattern();

    [GeneratedRegex(@"\bDie Edition (?<year>[0-9]{4}) des IT-Grundschutz-Kompendiums\b", RegexOptions.CultureInvariant)]
    private static partial Regex OwnEditionPattern();

    [GeneratedRegex(@"^R[1-3]$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessingOrderPattern();

    [GeneratedRegex(@"<[\p{L}_]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstElementPattern();

    /// <summary>A line and position in the file, formatted only when a message needs it.</summary>
    private readonly record struct SourcePosition(int Line, int Position);

    /// <summary>What the reader collects while walking the book.</summary>
    private sealed class ReadState
    {
        public List<CatalogGroup> Groups { get; } = [];

        public HashSet<string> GroupIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Modules { get; } = new(StringComparer.Ordinal);

        public List<Requirement> Requirements { get; } = [];

        public HashSet<string> RequirementIds { get; } = new(StringComparer.Ordinal);

        public List<MessageText> Warnings { get; } = [];
    }
}
