namespace Grundschutz.Web.Tests.Report;

/// <summary>URLs of the report page and its handlers.</summary>
internal static class ReportUrls
{
    public static string Page(Guid id) => $"/Assessments/{id}/Report";

    public static string Chart(Guid id, string name, string format = "svg") => $"/Assessments/{id}/Report?handler=Chart&name={name}&format={format}";

    public static string Download(Guid id) => $"/Assessments/{id}/Report?handler=Html";
}
