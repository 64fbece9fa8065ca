using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grundschutz.Domain.Assessments;

namespace Grundschutz.Domain.Texts;

/// <summary>
/// Stores a <see cref="MessageText"/> as <c>{"format": "…", "arguments": [{"text": "…"}, {"term": "…"}, {"integer": 12},
/// {"double": 1.5}, {"decimal": 2.50}, {"message": {…}}]}</c>, so that numbers stay numbers and terms and nested messages
/// stay translatable. Any other argument is stored as its German text.
/// </summary>
public sealed class MessageTextJsonConverter : JsonConverter<MessageText>
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public override MessageText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return ReadMessage(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, MessageText value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        WriteMessage(writer, value);
    }

    private static MessageText ReadMessage(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A message needs a format.");
        }

        var arguments = new List<object>();
        if (element.TryGetProperty("arguments", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                arguments.Add(ReadArgument(item));
            }
        }

        return MessageText.Of(format.GetString()!, [.. arguments]);
    }

    private static object ReadArgument(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "text" when property.Value.ValueKind == JsonValueKind.String:
                        return property.Value.GetString()!;
                    case "term" when property.Value.ValueKind == JsonValueKind.String:
                        return new Term(property.Value.GetString()!);
                    case "integer" when property.Value.TryGetInt64(out var integer):
                        return integer;
                    case "double" when property.Value.TryGetDouble(out var number):
                        return number;
                    case "decimal" when property.Value.TryGetDecimal(out var amount):
                        return amount;
                    case "message":
                        return ReadMessage(property.Value);
                }
            }
        }

        throw new JsonException("Unknown message argument.");
    }

    private static void WriteMessage(Utf8JsonWriter writer, ITranslatableMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("format", message.Format);
        writer.WriteStartArray("arguments");
        foreach (var argument in message.Arguments)
        {
            writer.WriteStartObject();
            switch (argument)
            {
                case string text:
                    writer.WriteString("text", text);
                    break;
                case Term term:
                    writer.WriteString("term", term.German);
                    break;
                case int or long or short or byte or uint or ushort or sbyte:
                    writer.WriteNumber("integer", Convert.ToInt64(argument, CultureInfo.InvariantCulture));
                    break;
                case double or float:
                    writer.WriteNumber("double", Convert.ToDouble(argument, CultureInfo.InvariantCulture));
                    break;
                case decimal amount:
                    writer.WriteNumber("decimal", amount);
                    break;
                case ITranslatableMessage nested:
                    writer.WritePropertyName("message");
                    WriteMessage(writer, nested);
                    break;
                default:
                    writer.WriteString("text", Convert.ToString(argument, German));
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
