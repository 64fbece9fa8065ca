namespace Grundschutz.Web.Pages.Workshops;

/// <summary>What the shared form fields need.</summary>
public sealed record WorkshopFormView(WorkshopInput Input, IReadOnlyList<VersionOption> Versions);
