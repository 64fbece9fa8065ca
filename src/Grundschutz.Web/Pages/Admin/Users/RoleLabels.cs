using Grundschutz.Infrastructure.Identity;

namespace Grundschutz.Web.Pages.Admin.Users;

/// <summary>German labels (resource keys) of the application roles, in the order the forms offer them.</summary>
public static class RoleLabels
{
    public static IReadOnlyList<(string Role, string Label)> All { get; } =
    [
        (Roles.Administrator, "Administration"),
        (Roles.Isb, "Informationssicherheitsbeauftragte (ISB)"),
        (Roles.Contributor, "Mitarbeit"),
        (Roles.Auditor, "Prüfung (Auditor)"),
        (Roles.Facilitator, "Moderation"),
    ];

    /// <summary>The label of <paramref name="role"/>, or the role name itself for roles the list does not know.</summary>
    public static string Of(string role) => All.FirstOrDefault(r => r.Role == role).Label ?? role;

    /// <summary>Sorts role names in the order of <see cref="All"/>.</summary>
    public static int Position(string role)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Role == role)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
