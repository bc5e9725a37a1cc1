using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Reference;

namespace Matchmaking.Domain.Programs;

public enum ProgramKind
{
    Training,
    Mentoring,
    CertificationSupport,
    FacilityAccess,
}

public enum EnrolmentStatus
{
    Enrolled,
    Completed,
}

public enum OutcomeKind
{
    /// <summary>Completed without a change to the supplier's profile.</summary>
    None,
    CertificateGranted,
    CapabilityVerified,
    LocalContentRaised,
}

/// <summary>What a completed enrolment changed in the supplier's profile.</summary>
public sealed record ProgramOutcome(
    OutcomeKind Kind, CertificationScheme? Scheme = null, string? CertificateNumber = null, DateOnly? ValidUntil = null,
    string? CapabilityCode = null, decimal? MonthlyCapacity = null, string? Unit = null, decimal? TkdnPercent = null);

/// <summary>
/// Training, mentoring, certification support or facility access run by an operator (a ministry, a provincial
/// office, a BUMN partnership unit, an association) for the gaps the matcher finds: capability codes,
/// certificate schemes, local content. Seats are never exceeded; an enrolment is completed once, with its outcome.
/// </summary>
public sealed class CapabilityProgram : IVersioned
{
    private readonly List<Enrolment> _enrolments = [];

    private CapabilityProgram()
    {
        Name = Operator = string.Empty;
        CapabilityCodes = ProvinceCodes = [];
        CertificationSchemes = [];
    }

    public CapabilityProgram(Guid id, string name, string @operator, ProgramKind kind, IEnumerable<string> capabilityCodes, IEnumerable<CertificationScheme> schemes,
        bool raisesLocalContent, IEnumerable<string> provinceCodes, DateOnly startsOn, DateOnly endsOn, int seats, DateTimeOffset now)
        : this()
    {
        Id = id;
        CreatedAt = now;
        Apply(name, @operator, kind, capabilityCodes, schemes, raisesLocalContent, provinceCodes, startsOn, endsOn, seats);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Operator { get; private set; }
    public ProgramKind Kind { get; private set; }
    public IReadOnlyList<string> CapabilityCodes { get; private set; }
    public IReadOnlyList<CertificationScheme> CertificationSchemes { get; private set; }
    public bool RaisesLocalContent { get; private set; }

    /// <summary>Provinces served; empty: the whole country.</summary>
    public IReadOnlyList<string> ProvinceCodes { get; private set; }

    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int Seats { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Bumped by every enrolment: two enrolments for the last seat cannot both commit.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Enrolment> Enrolments => _enrolments;

    public int SeatsLeft => Seats - _enrolments.Count;

    public bool Serves(string provinceCode) => ProvinceCodes.Count == 0 || ProvinceCodes.Contains(provinceCode, StringComparer.Ordinal);

    /// <summary>Whether the program closes this gap: its capability (or a broader code it teaches), its scheme, or local content.</summary>
    public bool Addresses(GapKind kind, string? subject) => kind switch
    {
        GapKind.Capability => subject is not null && CapabilityCodes.Any(code => Capability.IsSameOrDescendant(subject, code) || Capability.IsSameOrDescendant(code, subject)),
        GapKind.Certification => subject is not null && CertificationSchemes.Any(s => HardConstraints.Wire(s) == subject),
        GapKind.LocalContent => RaisesLocalContent,
        _ => false,
    };

    /// <summary>Admin replaces the details; seats never drop below the enrolments already taken.</summary>
    public void Replace(string name, string @operator, ProgramKind kind, IEnumerable<string> capabilityCodes, IEnumerable<CertificationScheme> schemes,
        bool raisesLocalContent, IEnumerable<string> provinceCodes, DateOnly startsOn, DateOnly endsOn, int seats)
    {
        if (seats < _enrolments.Count)
        {
            throw new DomainRuleException("seats", $"{_enrolments.Count} suppliers are enrolled; seats cannot drop below that.");
        }

        Apply(name, @operator, kind, capabilityCodes, schemes, raisesLocalContent, provinceCodes, startsOn, endsOn, seats);
    }

    /// <summary>A program with enrolments keeps its record (their outcomes are history); only an unused one is removed.</summary>
    public void EnsureRemovable()
    {
        if (_enrolments.Count > 0)
        {
            throw new InvalidStateTransitionException($"{_enrolments.Count} suppliers are enrolled in this program; it cannot be deleted.");
        }
    }

    public Enrolment Enrol(Guid enrolmentId, Guid supplierId, string supplierProvinceCode, DateTimeOffset now)
    {
        if (DateOnly.FromDateTime(now.UtcDateTime) > EndsOn)
        {
            throw new InvalidStateTransitionException($"The program ended on {EndsOn:yyyy-MM-dd}; it takes no more enrolments.");
        }

        if (!Serves(supplierProvinceCode))
        {
            throw new DomainRuleException("supplierId", "The program does not serve the supplier's province.");
        }

        if (_enrolments.Any(e => e.SupplierId == supplierId))
        {
            throw new InvalidStateTransitionException("The supplier is already enrolled in this program.");
        }

        if (SeatsLeft <= 0)
        {
            throw new InvalidStateTransitionException($"The program is full: all {Seats} seats are taken.");
        }

        var enrolment = new Enrolment(enrolmentId, Id, supplierId, now);
        _enrolments.Add(enrolment);
        return enrolment;
    }

    /// <summary>The operator records completion and what it changed; the caller applies the outcome to the supplier in the same transaction.</summary>
    public Enrolment Complete(Guid enrolmentId, ProgramOutcome outcome, DateTimeOffset now)
    {
        var enrolment = _enrolments.SingleOrDefault(e => e.Id == enrolmentId)
            ?? throw new InvalidOperationException($"Enrolment {enrolmentId} is not in this program.");
        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new InvalidStateTransitionException($"The enrolment is {enrolment.Status.ToString().ToLowerInvariant()}; it is completed once.");
        }

        var fits = outcome.Kind switch
        {
            OutcomeKind.CertificateGranted => outcome.Scheme is { } scheme && CertificationSchemes.Contains(scheme),
            OutcomeKind.CapabilityVerified => outcome.CapabilityCode is { } code && CapabilityCodes.Any(c => Capability.IsSameOrDescendant(code, c)),
            OutcomeKind.LocalContentRaised => RaisesLocalContent && outcome.TkdnPercent is not null,
            _ => true,
        };
        if (!fits)
        {
            throw new DomainRuleException("outcome", "The outcome must be one this program addresses (its schemes, capability codes or local content).");
        }

        enrolment.Complete(outcome, now);
        return enrolment;
    }

    private void Apply(string name, string @operator, ProgramKind kind, IEnumerable<string> capabilityCodes, IEnumerable<CertificationScheme> schemes,
        bool raisesLocalContent, IEnumerable<string> provinceCodes, DateOnly startsOn, DateOnly endsOn, int seats)
    {
        if (endsOn < startsOn)
        {
            throw new DomainRuleException("endsOn", "A program ends on or after the day it starts.");
        }

        if (seats is < 1 or > 100_000)
        {
            throw new DomainRuleException("seats", "Seats are 1..100000.");
        }

        var codes = capabilityCodes.Distinct(StringComparer.Ordinal).ToArray();
        var distinctSchemes = schemes.Distinct().ToArray();
        if (codes.Length == 0 && distinctSchemes.Length == 0 && !raisesLocalContent)
        {
            throw new DomainRuleException("capabilityCodes", "A program addresses at least one capability, certificate scheme or local content.");
        }

        Name = name;
        Operator = @operator;
        Kind = kind;
        CapabilityCodes = codes;
        CertificationSchemes = distinctSchemes;
        RaisesLocalContent = raisesLocalContent;
        ProvinceCodes = provinceCodes.Distinct(StringComparer.Ordinal).ToArray();
        StartsOn = startsOn;
        EndsOn = endsOn;
        Seats = seats;
    }
}

/// <summary>A supplier's seat in a program, and what came of it.</summary>
public sealed class Enrolment
{
    private Enrolment()
    {
        Outcome = new ProgramOutcome(OutcomeKind.None);
    }

    internal Enrolment(Guid id, Guid programId, Guid supplierId, DateTimeOffset now)
    {
        Id = id;
        ProgramId = programId;
        SupplierId = supplierId;
        Status = EnrolmentStatus.Enrolled;
        EnrolledAt = now;
        Outcome = new ProgramOutcome(OutcomeKind.None);
    }

    public Guid Id { get; private set; }
    public Guid ProgramId { get; private set; }
    public Guid SupplierId { get; private set; }
    public EnrolmentStatus Status { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public ProgramOutcome Outcome { get; private set; }

    internal void Complete(ProgramOutcome outcome, DateTimeOffset now)
    {
        Status = EnrolmentStatus.Completed;
        CompletedAt = now;
        Outcome = outcome;
    }
}
