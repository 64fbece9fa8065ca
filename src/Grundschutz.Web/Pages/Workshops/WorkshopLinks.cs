namespace Grundschutz.Web.Pages.Workshops;

/// <summary>URLs of the workshop pages.</summary>
public static class WorkshopLinks
{
    public const string Index = "/Workshops";

    public const string Create = "/Workshops/Create";

    public static string Detail(Guid id) => $"/Workshops/{id}";

    public static string Edit(Guid id) => $"/Workshops/{id}/Edit";

    public static string Summary(Guid id) => $"/Workshops/{id}?handler=Summary";
}
