using System.Security.Claims;
using Grundschutz.Infrastructure.Persistence;
using Grundschutz.Infrastructure.Scoring;
using Grundschutz.Web.Infrastructure;

namespace Grundschutz.Web.Api;

/// <summary>
/// <c>GET /api/assessments/{id}/score</c>: the numbers of the report page as JSON. Signed in with the same cookie
/// as the pages; the assessment is looked up only through <see cref="AssessmentAccess.Visible"/>, so another
/// municipality's id answers 404 exactly like an unknown one.
/// </summary>
public static class ScoreEndpoints
{
    /// <summary>Route of the score endpoint.</summary>
    public const string ScoreRoute = ApiAuthentication.PathPrefix + "/assessments/{id:guid}/score";

    /// <summary>Name of the score endpoint (for links and the OpenAPI operation id).</summary>
    public const string ScoreEndpointName = "GetAssessmentScore";

    public static IEndpointRouteBuilder MapScoreEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ScoreRoute, GetScoreAsync)
            .RequireAuthorization()
            .AddEndpointFilter(RequirePasswordChangedAsync)
            .WithName(ScoreEndpointName)
            .WithTags("Bewertungen")
            .WithSummary("Kennzahlen einer Bewertung (Umsetzungsgrad, Ampeln, Reifegrad, Realisierungsplan)")
            .WithDescription(
                "Dieselben Zahlen wie der Bericht der Bewertung, Stichtag heute: E_B, E_BS, E_H streng und nachsichtig, "
                + "Grundschutz++-Aufteilung (normal-SdT/erhöht, MUSS/SOLLTE/KANN), Abdeckung, Aktualität, beide Ampeln mit den "
                + "blockierenden Paaren, Reifegrad je Praktik und gesamt, je Schicht/Praktik und je Baustein/Thema sowie die "
                + "Summen des Realisierungsplans. Quoten als exakte Brüche (numerator/denominator). Anmeldung über das "
                + "Cookie der Anwendung; ohne Anmeldung 401, fremde oder unbekannte Bewertung 404. Berechnung: docs/scoring.md.")
            .Produces<ScoreDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    internal static async Task<IResult> GetScoreAsync(Guid id, ClaimsPrincipal user, HttpContext http, GrundschutzDbContext db, AssessmentScoreService scores, CancellationToken cancellationToken)
    {
        var score = await scores.ScoreAsync(AssessmentAccess.Visible(db, CurrentUser.From(user)), id, cancellationToken);
        http.Response.Headers.CacheControl = "private, no-store";
        return score is null
            ? ApiProblems.Of(http, StatusCodes.Status404NotFound, "Bewertung nicht gefunden.")
            : Results.Ok(ScoreDto.From(score));
    }

    /// <summary>Like the pages: a user who still has the one-time password gets nothing else.</summary>
    internal static async ValueTask<object?> RequirePasswordChangedAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.HasClaim(AppClaimsPrincipalFactory.MustChangePasswordClaim, "true")
            ? ApiProblems.Of(context.HttpContext, StatusCodes.Status403Forbidden, "Bitte ändern Sie zuerst Ihr Einmalpasswort.")
            : await next(context);
}
