namespace Grundschutz.Infrastructure.Evidence;

/// <summary>Where relative key paths are resolved and whether a development key may be generated.</summary>
/// <param name="ContentRootPath">The application's content root.</param>
/// <param name="IsDevelopment">True in the Development environment.</param>
public sealed record EvidenceKeyLocation(string ContentRootPath, bool IsDevelopment);
