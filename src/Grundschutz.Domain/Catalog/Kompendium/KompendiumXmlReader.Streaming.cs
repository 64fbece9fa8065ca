using System.Text;
using System.Xml;
using System.Xml.Linq;
using Grundschutz.Domain.Texts;

namespace Grundschutz.Domain.Catalog.Kompendium;

/// <summary>
/// The fast path of <see cref="KompendiumXmlReader"/>: one forward pass over the XmlReader. Sections
/// the catalogue does not use (Gefährdungslage, Weiterführende Informationen …) are skipped without
/// materialising their text, paragraphs are flattened straight from the reader, and only small
/// pieces (titles, lists, tables, the front chapters) are built as trees for the shared text rules
/// of <see cref="DocBookText"/>. It relies on every chapter and section starting with its title;
/// where one does not, <see cref="NotStreamableException"/> sends the file to the tree reader.
/// </summary>
public static partial class KompendiumXmlReader
{
    private static CatalogDocument ReadStreaming(Stream xml)
    {
        var capture = new PrologCaptureStream(xml, PrologCaptureBytes);
        using var reader = XmlReader.Create(capture, NewSettings());
        var rootReached = false;
        try
        {
            // The prolog is read first so that a failure in it can be told apart: the parser
            // reports a prohibited DTD without line information.
            rootReached = reader.MoveToContent() == XmlNodeType.Element;
            if (!rootReached)
            {
                throw new NotStreamableException();
            }

            try
            {
                return new BookStreamer(reader).Read();
            }
            catch (CatalogFormatException)
            {
                // The tree reader parses the whole file before it looks at it: a well-formedness
                // error anywhere takes precedence over a content error found on the way.
                while (reader.Read())
                {
                }

                throw;
            }
        }
        catch (XmlException ex)
        {
            throw NotReadable(ex, rootReached, capture);
        }
    }

    /// <summary>The file does not have the shape the streaming reader relies on.</summary>
    private sealed class NotStreamableException : Exception
    {
    }

    /// <summary>One forward pass over a DocBook book.</summary>
    private sealed class BookStreamer(XmlReader reader)
    {
        private readonly IXmlLineInfo? _lineInfo = reader as IXmlLineInfo;
        private readonly TreeBuilder _trees = new(reader);
        private readonly StringBuilder _scratch = new(1024);
        private readonly StringBuilder _blocks = new(4096);
        private readonly List<string> _treeBlocks = [];
        private readonly char[] _chunk = new char[4096];
        private readonly ReadState _state = new();
        private readonly List<XElement> _frontChapters = [];

        public CatalogDocument Read()
        {
            var book = Position();
            if (reader.LocalName != DocBookText.Book.LocalName || reader.NamespaceURI != DocBookText.Ns.NamespaceName)
            {
                throw new CatalogFormatException(WrongRoot(reader.LocalName, reader.NamespaceURI), Format(book));
            }

            var xmlLang = reader.GetAttribute("lang", "http://www.w3.org/XML/1998/namespace");
            XElement? info = null;
            if (reader.IsEmptyElement)
            {
                reader.Read();
            }
            else
            {
                reader.Read();
                while (MoveToChild())
                {
                    if (IsDocBook(DocBookText.Chapter))
                    {
                        ReadChapter();
                    }
                    else if (info is null && IsDocBook(DocBookText.Info))
                    {
                        info = _trees.Build();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }

            // Whatever follows the book must still be well-formed.
            while (reader.Read())
            {
            }

            if (_state.Modules.Count == 0)
            {
                throw new CatalogFormatException(NoModules, Format(book));
            }

            return Finish(_state, _frontChapters, InfoTitle(info), xmlLang);
        }

        private void ReadChapter()
        {
            var chapter = Position();
            var title = ReadLeadingTitle();
            var chapterTitle = DocBookText.Inline(title, keepLineBreaks: false);

            // Until a Baustein turns up the chapter may be a front chapter, which is kept as a tree.
            List<XElement>? front = [title];
            string? layerId = null;
            var moduleOrder = 0;
            while (MoveToChild())
            {
                if (!IsDocBook(DocBookText.Section))
                {
                    if (front is null)
                    {
                        reader.Skip();
                    }
                    else
                    {
                        front.Add(_trees.Build());
                    }

                    continue;
                }

                var section = Position();
                var sectionTitle = ReadLeadingTitle();
                if (KompendiumHeadings.ParseModule(DocBookText.Inline(sectionTitle, keepLineBreaks: false)) is not { } heading)
                {
                    if (front is null)
                    {
                        SkipRest();
                    }
                    else
                    {
                        front.Add(BuildRest(DocBookText.Section, sectionTitle));
                    }

                    continue;
                }

                if (layerId is null)
                {
                    front = null;
                    (layerId, var layerTitle) = SplitLayerTitle(chapterTitle);
                    AddLayer(layerId, layerTitle, chapter, _state);
                }

                var (moduleId, moduleTitle) = heading;
                StartModule(moduleId, layerId, section, _state);
                var module = ReadModule(moduleId, moduleTitle) with { ParentId = layerId, Order = moduleOrder++ };
                _state.Groups.Add(module);
                _state.Modules.Add(moduleId);
            }

            if (front is not null)
            {
                // Vorwort, Rollen, Glossar, Elementare Gefährdungen …: no groups, but the
                // Modellierung table and the edition are found here.
                _frontChapters.Add(new XElement(DocBookText.Chapter, front));
            }
        }

        /// <summary>A Baustein section after its title.</summary>
        private CatalogGroup ReadModule(string moduleId, string moduleTitle)
        {
            string? description = null;
            var haveDescription = false;
            var haveRequirements = false;
            string? responsible = null;
            IReadOnlyList<string> furtherRoles = [];
            while (MoveToChild())
            {
                if (!IsDocBook(DocBookText.Section))
                {
                    reader.Skip();
                    continue;
                }

                switch (ReadLeadingTitleText())
                {
                    case "Beschreibung" when !haveDescription:
                        haveDescription = true;
                        description = BlocksRest();
                        break;
                    case "Anforderungen" when !haveRequirements:
                        haveRequirements = true;
                        (responsible, furtherRoles) = ReadRequirements(moduleId);
                        break;
                    default:
                        SkipRest();
                        break;
                }
            }

            if (!haveRequirements)
            {
                _state.Warnings.Add(MessageText.Of("Der Baustein {0} hat keinen Abschnitt „Anforderungen“.", moduleId));
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

        /// <summary>The "Anforderungen" section after its title: the responsibility table and the requirements.</summary>
        private (string? Responsible, IReadOnlyList<string> Further) ReadRequirements(string moduleId)
        {
            (string? Responsible, IReadOnlyList<string> Further) responsibilities = (null, []);
            var haveTable = false;
            var order = 0;
            while (MoveToChild())
            {
                if (!haveTable && IsDocBook(DocBookText.InformalTable))
                {
                    haveTable = true;
                    responsibilities = ReadResponsibilityTable(_trees.Build());
                    continue;
                }

                if (!IsDocBook(DocBookText.Section))
                {
                    reader.Skip();
                    continue;
                }

                var levelTitle = ReadLeadingTitleText();
                var sectionLevel = KompendiumHeadings.LevelOfSection(levelTitle);
                while (MoveToChild())
                {
                    if (!IsDocBook(DocBookText.Section))
                    {
                        reader.Skip();
                        continue;
                    }

                    var section = Position();
                    var headingText = ReadLeadingTitleText();
                    if (ParseHeading(headingText, moduleId, sectionLevel, levelTitle, section, _state) is not { } heading)
                    {
                        SkipRest();
                        continue;
                    }

                    var statement = BlocksRest();
                    _state.Requirements.Add(ToRequirement(statement, section, heading, moduleId, order++, sectionLevel, levelTitle, _state));
                }
            }

            return responsibilities;
        }

        /// <summary>
        /// <see cref="DocBookText.Blocks"/> of the container the reader is in (its title already read),
        /// up to and past the container's end tag.
        /// </summary>
        private string BlocksRest()
        {
            _blocks.Clear();
            AppendBlocksRest(_blocks, "\n\n");
            return _blocks.ToString();
        }

        /// <summary>
        /// Appends the blocks of the rest of the container the reader is in, each non-empty one after
        /// <paramref name="separator"/> unless it is the first, and moves past the container's end tag.
        /// </summary>
        private void AppendBlocksRest(StringBuilder output, string separator)
        {
            while (MoveToChild())
            {
                var mark = output.Length;
                if (mark > 0)
                {
                    output.Append(separator);
                }

                var start = output.Length;
                switch (reader.LocalName)
                {
                    case "title":
                    case "info":
                    case "colgroup":
                        reader.Skip();
                        break;
                    case "itemizedlist":
                    case "orderedlist":
                        AppendList(output);
                        break;
                    case "section":
                    case "informaltable":
                    case "table":
                        _treeBlocks.Clear();
                        DocBookText.AppendBlock(_trees.Build(), _treeBlocks);
                        output.AppendJoin(separator, _treeBlocks);
                        break;
                    default:
                        // para, simpara and anything unexpected: keep the words rather than lose them.
                        AppendInline(output, keepLineBreaks: true);
                        break;
                }

                if (output.Length == start)
                {
                    output.Length = mark;
                }
            }
        }

        /// <summary>Appends the list the reader stands on as text (see <see cref="DocBookText.Blocks"/>); moves past it.</summary>
        private void AppendList(StringBuilder output)
        {
            var ordered = reader.LocalName == "orderedlist";
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }

            reader.Read();
            var item = new StringBuilder();
            var number = 1;
            var first = true;
            while (MoveToChild())
            {
                if (!IsDocBook(DocBookText.ListItem) || reader.IsEmptyElement)
                {
                    reader.Skip();
                    continue;
                }

                reader.Read();
                item.Clear();
                AppendBlocksRest(item, "\n");
                if (item.Length == 0)
                {
                    continue;
                }

                var marker = ordered ? $"{number++}. " : "- ";
                if (!first)
                {
                    output.Append('\n');
                }

                first = false;

                // Continuation lines (line breaks, further paragraphs, nested lists) are indented under
                // the item text so that the statement also reads correctly as Markdown.
                var start = output.Length;
                output.Append(marker).Append(item);
                output.Replace("\n", "\n" + new string(' ', marker.Length), start + marker.Length, item.Length);
            }
        }

        /// <summary>Appends <see cref="DocBookText.Inline"/> of the element the reader stands on; moves past it.</summary>
        private void AppendInline(StringBuilder output, bool keepLineBreaks)
        {
            var text = TidyText.After(output);
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return;
            }

            var depth = 0;
            reader.Read();
            while (true)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (!reader.IsEmptyElement)
                        {
                            depth++;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (depth == 0)
                        {
                            reader.Read();
                            return;
                        }

                        depth--;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (reader.CanReadValueChunk)
                        {
                            int read;
                            while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                            {
                                text.Append(_chunk.AsSpan(0, read));
                            }
                        }
                        else
                        {
                            text.Append(reader.Value);
                        }

                        break;
                    case XmlNodeType.ProcessingInstruction when reader.Name == "linebreak":
                        if (keepLineBreaks)
                        {
                            text.AppendLineBreak();
                        }
                        else
                        {
                            text.Append(" ");
                        }

                        break;
                }

                reader.Read();
            }
        }

        /// <summary>
        /// Moves into the element the reader stands on and reads its first child element, which must be
        /// its title (else the file goes to the tree reader). The reader is left after the title.
        /// </summary>
        private XElement ReadLeadingTitle()
        {
            MoveToLeadingTitle();
            return _trees.Build();
        }

        /// <summary>Like <see cref="ReadLeadingTitle"/>, but only the title's text (as <see cref="DocBookText.TitleOf"/> gives it).</summary>
        private string ReadLeadingTitleText()
        {
            MoveToLeadingTitle();
            _scratch.Clear();
            AppendInline(_scratch, keepLineBreaks: false);
            return _scratch.ToString();
        }

        private void MoveToLeadingTitle()
        {
            if (reader.IsEmptyElement)
            {
                throw new NotStreamableException();
            }

            reader.Read();
            if (!MoveToChild() || !IsDocBook(DocBookText.Title))
            {
                throw new NotStreamableException();
            }
        }

        /// <summary>
        /// Moves to the next child element of the current container and returns true; at the
        /// container's end tag, moves past it and returns false.
        /// </summary>
        private bool MoveToChild()
        {
            while (true)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        return true;
                    case XmlNodeType.EndElement:
                        reader.Read();
                        return false;
                    case XmlNodeType.None:
                        throw new NotStreamableException();
                }

                reader.Read();
            }
        }

        /// <summary>Skips the rest of the current container, including its end tag.</summary>
        private void SkipRest()
        {
            while (MoveToChild())
            {
                reader.Skip();
            }
        }

        /// <summary>The current container as a tree of its element children, the already read <paramref name="first"/> first.</summary>
        private XElement BuildRest(XName name, XElement first)
        {
            var element = new XElement(name, first);
            while (MoveToChild())
            {
                element.Add(_trees.Build());
            }

            return element;
        }

        private bool IsDocBook(XName name) =>
            reader.NodeType == XmlNodeType.Element
            && reader.LocalName == name.LocalName
            && reader.NamespaceURI == name.NamespaceName;

        private SourcePosition? Position() => PositionOf(_lineInfo);
    }

    /// <summary>
    /// Builds an element subtree from the reader (which must stand on its start tag) and moves past
    /// it, like XElement.Load without line information. Attributes are left out: the text rules
    /// never look at them.
    /// </summary>
    private sealed class TreeBuilder(XmlReader reader)
    {
        private string? _namespaceUri;
        private XNamespace _namespace = XNamespace.None;

        public XElement Build()
        {
            var root = NewElement();
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return root;
            }

            var current = root;
            reader.Read();
            while (true)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var child = NewElement();
                        current.Add(child);
                        if (!reader.IsEmptyElement)
                        {
                            current = child;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        if (ReferenceEquals(current, root))
                        {
                            reader.Read();
                            return root;
                        }

                        current = current.Parent!;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        current.Add(new XText(reader.Value));
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        current.Add(new XProcessingInstruction(reader.Name, reader.Value));
                        break;
                }

                reader.Read();
            }
        }

        private XElement NewElement()
        {
            var uri = reader.NamespaceURI;
            if (!ReferenceEquals(uri, _namespaceUri))
            {
                _namespace = XNamespace.Get(uri);
                _namespaceUri = uri;
            }

            return new XElement(_namespace + reader.LocalName);
        }
    }
}
