using Matchmaking.Domain.Common;
using Matchmaking.Domain.Programs;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Programs;

public sealed record ProgramDto(
    Guid Id, string Name, string Operator, ProgramKind Kind, IReadOnlyList<string> CapabilityCodes, IReadOnlyList<CertificationScheme> CertificationSchemes,
    bool RaisesLocalContent, IReadOnlyList<string> ProvinceCodes, DateOnly StartsOn, DateOnly EndsOn, int Seats, int SeatsLeft, DateTimeOffset CreatedAt)
{
    public static ProgramDto From(CapabilityProgram p) => new(
        p.Id, p.Name, p.Operator, p.Kind, p.CapabilityCodes, p.CertificationSchemes, p.RaisesLocalContent, p.ProvinceCodes, p.StartsOn, p.EndsOn, p.Seats,
        p.SeatsLeft, p.CreatedAt);
}

/// <summary>A program named next to a gap it could close.</summary>
public sealed record ProgramRefDto(Guid Id, string Name, string Operator, ProgramKind Kind, DateOnly StartsOn, DateOnly EndsOn, int SeatsLeft)
{
    public static ProgramRefDto From(CapabilityProgram p) => new(p.Id, p.Name, p.Operator, p.Kind, p.StartsOn, p.EndsOn, p.SeatsLeft);
}

public sealed record OutcomeDto(
    OutcomeKind Kind, CertificationScheme? Scheme, string? CertificateNumber, DateOnly? ValidUntil, string? CapabilityCode, decimal? MonthlyCapacity,
    string? Unit, decimal? TkdnPercent)
{
    public static OutcomeDto From(ProgramOutcome o) => new(o.Kind, o.Scheme, o.CertificateNumber, o.ValidUntil, o.CapabilityCode, o.MonthlyCapacity, o.Unit, o.TkdnPercent);
}

public sealed record EnrolmentDto(
    Guid Id, Guid ProgramId, string ProgramName, Guid SupplierId, EnrolmentStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt, OutcomeDto Outcome)
{
    public static EnrolmentDto From(CapabilityProgram p, Enrolment e) =>
        new(e.Id, p.Id, p.Name, e.SupplierId, e.Status, e.EnrolledAt, e.CompletedAt, OutcomeDto.From(e.Outcome));
}

/// <summary>Active programs (not ended) that address a gap and serve a province.</summary>
public static class ProgramMatcher
{
    public static IReadOnlyList<ProgramRefDto> For(IEnumerable<CapabilityProgram> programs, Domain.Matching.GapKind kind, string? subject, string provinceCode) =>
        programs.Where(p => p.Addresses(kind, subject) && p.Serves(provinceCode)).OrderBy(p => p.StartsOn).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(ProgramRefDto.From).ToList();
}
