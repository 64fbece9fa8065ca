using System.Security.Claims;
using Grundschutz.Infrastructure.Assessments;
using Grundschutz.Infrastructure.Oscal;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.Web.Infrastructure;

namespace Grundschutz.Web.Api;

/// <summary>
/// <c>GET /api/assessments/{id}/oscal/assessment-results</c> and <c>…/oscal/poam</c>: the OSCAL 1.1.3 exports of the
/// exports page (docs/oscal.md) for other tools. Same cookie and same tenant rule as the score endpoint (404 for
/// another municipality's assessment).
/// </summary>
public static class OscalEndpoints
{
    public const string AssessmentResultsRoute = ApiAuthentication.PathPrefix + "/assessments/{id:guid}/oscal/assessment-results";

    public const string PoamRoute = ApiAuthentication.PathPrefix + "/assessments/{id:guid}/oscal/poam";

    public static IEndpointRouteBuilder MapOscalEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(AssessmentResultsRoute, (Guid id, ClaimsPrincipal user, HttpContext http, GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time, CancellationToken ct) =>
                WriteAsync(id, poam: false, user, http, db, contexts, facts, time, ct))
            .RequireAuthorization()
            .AddEndpointFilter(ScoreEndpoints.RequirePasswordChangedAsync)
            .WithName("GetAssessmentResultsOscal")
            .WithTags("Bewertungen")
            .WithSummary("Ergebnisse einer Bewertung als OSCAL 1.1.3 assessment-results")
            .WithDescription("Ein Befund je Anforderung und Zielobjekt mit Status, Datum der Erhebung, Begründung und Reifegrad (docs/oscal.md). Fremde oder unbekannte Bewertung 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet(PoamRoute, (Guid id, ClaimsPrincipal user, HttpContext http, GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time, CancellationToken ct) =>
                WriteAsync(id, poam: true, user, http, db, contexts, facts, time, ct))
            .RequireAuthorization()
            .AddEndpointFilter(ScoreEndpoints.RequirePasswordChangedAsync)
            .WithName("GetPoamOscal")
            .WithTags("Bewertungen")
            .WithSummary("Realisierungsplan einer Bewertung als OSCAL 1.1.3 POA&M")
            .WithDescription("Ein poam-item je Eintrag des Realisierungsplans mit Zielobjekt, Baustein, Anforderung, Maßnahme, Verantwortlichen, Termin, Kosten und Priorität (docs/oscal.md). Fremde oder unbekannte Bewertung 404.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> WriteAsync(
        Guid id, bool poam, ClaimsPrincipal user, HttpContext http, GrundschutzDbContext db, CatalogContextCache contexts, CatalogFactsCache facts, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = await OscalExportLoader.LoadAsync(db, contexts, facts, AssessmentAccess.Visible(db, CurrentUser.From(user)), id, time.GetUtcNow(), cancellationToken);
        http.Response.Headers.CacheControl = "private, no-store";
        if (source is null)
        {
            return ApiProblems.Of(http, StatusCodes.Status404NotFound, "Bewertung nicht gefunden.");
        }

        var buffer = new MemoryStream();
        if (poam)
        {
            PoamWriter.Write(buffer, source);
        }
        else
        {
            AssessmentResultsWriter.Write(buffer, source);
        }

        return Results.Bytes(buffer.ToArray(), "application/json");
    }
}
