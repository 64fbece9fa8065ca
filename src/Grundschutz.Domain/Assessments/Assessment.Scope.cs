using Grundschutz.Domain.Catalog;

namespace Grundschutz.Domain.Assessments;

/// <content>Scoping: target objects, module applications and exclusions, adopted H requirements, contributors.</content>
public sealed partial class Assessment
{
    /// <summary>Adds a target object (Draft/InProgress only). Names are unique (case-insensitive).</summary>
    /// <param name="name">Display name, e.g. "Server Rathaus".</param>
    /// <param name="kind">Optional kind/description, e.g. "IT-System".</param>
    public TargetObject AddTargetObject(string name, string? kind = null)
    {
        EnsureScopeEditable();
        var (cleanName, cleanKind) = CheckTargetObject(name, kind, null);
        var target = new TargetObject(Guid.NewGuid(), cleanName, cleanKind);
        _targetObjects.Add(target);
        return target;
    }

    /// <summary>Renames a target object or changes its kind (Draft/InProgress only).</summary>
    public void RenameTargetObject(Guid targetObjectId, string name, string? kind = null)
    {
        EnsureScopeEditable();
        var target = RequireTarget(targetObjectId);
        var (cleanName, cleanKind) = CheckTargetObject(name, kind, targetObjectId);
        target.Change(cleanName, cleanKind);
    }

    /// <summary>
    /// Removes a target object with its module applications and answers (Draft/InProgress only).
    /// Refused while answered (non-open) answers exist for it, unless <paramref name="force"/>.
    /// </summary>
    public void RemoveTargetObject(Guid targetObjectId, bool force = false)
    {
        EnsureScopeEditable();
        var target = RequireTarget(targetObjectId);
        var answered = _answers.Count(a => a.TargetObjectId == targetObjectId && a.IsAnswered);
        if (answered > 0 && !force)
        {
            throw answered == 1
                ? AssessmentRuleException.Of("Für „{0}“ gibt es bereits 1 beantwortete Anforderung. Zum Entfernen bitte ausdrücklich bestätigen.", target.Name)
                : AssessmentRuleException.Of("Für „{0}“ gibt es bereits {1} beantwortete Anforderungen. Zum Entfernen bitte ausdrücklich bestätigen.", target.Name, answered);
        }

        _answers.RemoveAll(a => a.TargetObjectId == targetObjectId);
        _moduleApplications.RemoveAll(a => a.TargetObjectId == targetObjectId);
        _targetObjects.Remove(target);
    }

    /// <summary>Applies a module to a target object (Draft/InProgress only); applying twice is harmless.</summary>
    /// <param name="groupId">The catalogue group id, e.g. <c>SYS.2.1</c>.</param>
    /// <param name="targetObjectId">The target object.</param>
    public ModuleApplication ApplyModule(string groupId, Guid targetObjectId)
    {
        EnsureScopeEditable();
        var cleanGroup = RequireGroupId(groupId);
        var target = RequireTarget(targetObjectId);
        if (_moduleExclusions.Exists(e => e.GroupId == cleanGroup))
        {
            throw AssessmentRuleException.Of("Der Baustein {0} ist als „nicht angewendet“ begründet. Bitte zuerst die Begründung entfernen.", cleanGroup);
        }

        var existing = _moduleApplications.Find(a => a.GroupId == cleanGroup && a.TargetObjectId == target.Id);
        if (existing is not null)
        {
            return existing;
        }

        var application = new ModuleApplication(Guid.NewGuid(), cleanGroup, target.Id);
        _moduleApplications.Add(application);
        return application;
    }

    /// <summary>
    /// Removes a module from a target object together with the answers of that module there
    /// (Draft/InProgress only). Refused while answered answers exist, unless <paramref name="force"/>.
    /// </summary>
    public void UnapplyModule(string groupId, Guid targetObjectId, bool force = false)
    {
        EnsureScopeEditable();
        var cleanGroup = RequireGroupId(groupId);
        var target = RequireTarget(targetObjectId);
        var application = _moduleApplications.Find(a => a.GroupId == cleanGroup && a.TargetObjectId == target.Id)
            ?? throw AssessmentRuleException.Of("Der Baustein {0} ist auf „{1}“ nicht angewendet.", cleanGroup, target.Name);
        var answered = _answers.Count(a => a.GroupId == cleanGroup && a.TargetObjectId == target.Id && a.IsAnswered);
        if (answered > 0 && !force)
        {
            throw answered == 1
                ? AssessmentRuleException.Of("Zum Baustein {0} auf „{1}“ gibt es bereits 1 beantwortete Anforderung. Zum Entfernen bitte ausdrücklich bestätigen.", cleanGroup, target.Name)
                : AssessmentRuleException.Of("Zum Baustein {0} auf „{1}“ gibt es bereits {2} beantwortete Anforderungen. Zum Entfernen bitte ausdrücklich bestätigen.", cleanGroup, target.Name, answered);
        }

        _answers.RemoveAll(a => a.GroupId == cleanGroup && a.TargetObjectId == target.Id);
        _moduleApplications.Remove(application);
    }

    /// <summary>
    /// Records that a module is deliberately not applied, with the reason (Draft/InProgress only).
    /// Refused while the module is applied to any target object; a second call replaces the reason.
    /// </summary>
    public ModuleExclusion ExcludeModule(string groupId, string reason)
    {
        EnsureScopeEditable();
        var cleanGroup = RequireGroupId(groupId);
        var cleanReason = Clean(reason) ?? throw new AssessmentRuleException("Bitte begründen, warum der Baustein nicht angewendet wird.");
        if (cleanReason.Length > MaxCommentLength)
        {
            throw AssessmentRuleException.Of("Die Begründung darf höchstens {0} Zeichen lang sein.", MaxCommentLength);
        }

        if (_moduleApplications.Exists(a => a.GroupId == cleanGroup))
        {
            throw AssessmentRuleException.Of("Der Baustein {0} ist auf Zielobjekte angewendet und kann daher nicht ausgeschlossen werden.", cleanGroup);
        }

        var existing = _moduleExclusions.Find(e => e.GroupId == cleanGroup);
        if (existing is not null)
        {
            existing.ChangeReason(cleanReason);
            return existing;
        }

        var exclusion = new ModuleExclusion(Guid.NewGuid(), cleanGroup, cleanReason);
        _moduleExclusions.Add(exclusion);
        return exclusion;
    }

    /// <summary>Removes the "not applied" justification of a module (Draft/InProgress only); no-op if none.</summary>
    public void RemoveModuleExclusion(string groupId)
    {
        EnsureScopeEditable();
        var cleanGroup = RequireGroupId(groupId);
        _moduleExclusions.RemoveAll(e => e.GroupId == cleanGroup);
    }

    /// <summary>
    /// Adopts an H requirement into the scope (Kern/Standard only, e.g. as a result of the risk
    /// analysis; Draft/InProgress only). Adopting twice is harmless.
    /// </summary>
    public void AdoptHRequirement(AssessedRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        EnsureScopeEditable();
        if (Approach is not (Approach.Kern or Approach.Standard))
        {
            throw AssessmentRuleException.Of("Bei der Vorgehensweise „{0}“ werden keine H-Anforderungen übernommen.", new Term(AssessmentTexts.ApproachName(Approach)));
        }

        if (requirement.Level != RequirementLevel.Hoch || requirement.Framework != Framework)
        {
            throw AssessmentRuleException.Of("{0} ist keine Anforderung für erhöhten Schutzbedarf (H).", requirement.RequirementId);
        }

        if (requirement.Withdrawn)
        {
            throw AssessmentRuleException.Of("{0} ist entfallen und kann nicht übernommen werden.", requirement.RequirementId);
        }

        if (!_adoptedHRequirements.Contains(requirement.RequirementId))
        {
            _adoptedHRequirements.Add(requirement.RequirementId);
        }
    }

    /// <summary>
    /// Drops an adopted H requirement again (Draft/InProgress only). Existing answers stay stored but
    /// no longer count. Refused while answered answers exist for it, unless <paramref name="force"/>.
    /// </summary>
    public void DropHRequirement(string requirementId, bool force = false)
    {
        EnsureScopeEditable();
        var answered = _answers.Count(a => a.RequirementId == requirementId && a.IsAnswered);
        if (answered > 0 && !force)
        {
            throw answered == 1
                ? AssessmentRuleException.Of("Zu {0} gibt es bereits 1 Antwort. Zum Entfernen bitte ausdrücklich bestätigen.", requirementId)
                : AssessmentRuleException.Of("Zu {0} gibt es bereits {1} Antworten. Zum Entfernen bitte ausdrücklich bestätigen.", requirementId, answered);
        }

        _adoptedHRequirements.Remove(requirementId);
    }

    /// <summary>Lets a contributor answer a module (not in Submitted/InReview or read-only states); assigning twice is harmless.</summary>
    public ContributorAssignment AssignContributor(string userId, string groupId)
    {
        EnsureAnswersEditable("Zuständigkeiten");
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var cleanGroup = RequireGroupId(groupId);
        var existing = _contributorAssignments.Find(c => c.UserId == userId && c.GroupId == cleanGroup);
        if (existing is not null)
        {
            return existing;
        }

        var assignment = new ContributorAssignment(Guid.NewGuid(), userId, cleanGroup);
        _contributorAssignments.Add(assignment);
        return assignment;
    }

    /// <summary>Removes a contributor's assignment to a module; no-op if none.</summary>
    public void UnassignContributor(string userId, string groupId)
    {
        EnsureAnswersEditable("Zuständigkeiten");
        _contributorAssignments.RemoveAll(c => c.UserId == userId && c.GroupId == groupId);
    }

    /// <summary>True when <paramref name="actor"/> may answer requirements of <paramref name="groupId"/>: the ISB always, a contributor only for assigned modules.</summary>
    public bool CanAnswer(Actor actor, string groupId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsIsb
            || (actor.HasRole(AssessmentRoles.Contributor)
                && _contributorAssignments.Exists(c => c.UserId == actor.UserId && c.GroupId == groupId));
    }

    private (string Name, string? Kind) CheckTargetObject(string name, string? kind, Guid? self)
    {
        var cleanName = Clean(name) ?? throw new AssessmentRuleException("Bitte einen Namen für das Zielobjekt angeben.");
        if (cleanName.Length > TargetObject.MaxNameLength)
        {
            throw AssessmentRuleException.Of("Der Name des Zielobjekts darf höchstens {0} Zeichen lang sein.", TargetObject.MaxNameLength);
        }

        var cleanKind = Clean(kind);
        if (cleanKind?.Length > TargetObject.MaxKindLength)
        {
            throw AssessmentRuleException.Of("Die Art des Zielobjekts darf höchstens {0} Zeichen lang sein.", TargetObject.MaxKindLength);
        }

        if (_targetObjects.Exists(t => t.Id != self && string.Equals(t.Name, cleanName, StringComparison.OrdinalIgnoreCase)))
        {
            throw AssessmentRuleException.Of("Ein Zielobjekt „{0}“ gibt es bereits.", cleanName);
        }

        return (cleanName, cleanKind);
    }

    private TargetObject RequireTarget(Guid targetObjectId) =>
        _targetObjects.Find(t => t.Id == targetObjectId)
        ?? throw new AssessmentRuleException("Das Zielobjekt gibt es in dieser Bewertung nicht.");

    private static string RequireGroupId(string groupId) =>
        Clean(groupId) ?? throw new AssessmentRuleException("Bitte einen Baustein angeben.");
}
