namespace Grundschutz.Infrastructure.Markdown;

/// <summary>A report template could not be read or is malformed (e.g. an unclosed <c>{{#each}}</c>); the message says where.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException() { }

    public TemplateException(string message) : base(message) { }

    public TemplateException(string message, Exception innerException) : base(message, innerException) { }
}
