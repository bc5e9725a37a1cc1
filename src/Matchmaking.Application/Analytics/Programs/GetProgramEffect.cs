using Matchmaking.Application.Common;
using MediatR;

namespace Matchmaking.Application.Analytics.Programs;

/// <summary>What followed for a group of suppliers: later in a match run, invited, partnerships won and their value (each supplier's share).</summary>
public sealed record Followed(int Suppliers, int LaterQualified, int LaterInvited, int PartnershipsWon, long PartnershipValueIdr);

public sealed record ProgramEffect(Guid ProgramId, string Name, string Kind, int Enrolled, int Completed, int GapsClosed, Followed After);

/// <summary>
/// One gap (from the near misses stored with runs): the suppliers that had it and enrolled in a program
/// addressing it, against those that did not (a simple comparison group, not a controlled study).
/// </summary>
public sealed record GapEffect(string GapKind, string? GapSubject, int SuppliersWithGap, Followed Enrolled, Followed NotEnrolled);

/// <summary>
/// Whether programs close gaps: per program, enrolments, completions and gaps closed, and what followed
/// completion (or enrolment, while not completed); per gap, enrolled suppliers after their enrolment against
/// suppliers with the same gap that did not enrol, after the gap was first seen.
/// </summary>
public sealed record ProgramEffectReport(IReadOnlyList<ProgramEffect> ByProgram, IReadOnlyList<GapEffect> ByGap, string ComparisonNote);

public interface IProgramAnalytics
{
    Task<ProgramEffectReport> EffectAsync(CancellationToken cancellationToken);
}

public sealed record GetProgramEffectQuery : ILagTolerantQuery<ProgramEffectReport>;

public sealed class GetProgramEffectQueryHandler(IProgramAnalytics analytics) : IRequestHandler<GetProgramEffectQuery, ProgramEffectReport>
{
    public Task<ProgramEffectReport> Handle(GetProgramEffectQuery request, CancellationToken cancellationToken) => analytics.EffectAsync(cancellationToken);
}
