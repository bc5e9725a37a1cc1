using Matchmaking.Domain.Common;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Programs;

namespace Matchmaking.Domain.Tests;

public sealed class CapabilityProgramTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static CapabilityProgram Program(string[]? codes = null, CertificationScheme[]? schemes = null, bool tkdn = false, string[]? provinces = null, int seats = 2) =>
        new(Guid.NewGuid(), "Clinic", "Dinas", ProgramKind.CertificationSupport, codes ?? [], schemes ?? [], tkdn, provinces ?? ["33"], Today, Today.AddDays(30), seats, Now);

    [Theory]
    [InlineData(GapKind.Capability, "metal.casting.iron", true)] // a sub-process of what it teaches
    [InlineData(GapKind.Capability, "metal", true)] // a need for the family is closed by a process in it
    [InlineData(GapKind.Capability, "metal.machining", false)]
    [InlineData(GapKind.Certification, "sni", false)]
    [InlineData(GapKind.Distance, null, false)]
    public void Addresses_CapabilityGapsByTaxonomy(GapKind kind, string? subject, bool expected) =>
        Assert.Equal(expected, Program(codes: ["metal.casting"]).Addresses(kind, subject));

    [Fact]
    public void Addresses_CertificationAndLocalContentGaps()
    {
        Assert.True(Program(schemes: [CertificationScheme.Sni]).Addresses(GapKind.Certification, "sni"));
        Assert.False(Program(schemes: [CertificationScheme.Sni]).Addresses(GapKind.Certification, "iso9001"));
        Assert.True(Program(tkdn: true).Addresses(GapKind.LocalContent, null));
        Assert.False(Program(schemes: [CertificationScheme.Sni]).Addresses(GapKind.LocalContent, null));
    }

    [Fact]
    public void Serves_ItsProvinces_OrTheWholeCountryWhenNoneAreNamed()
    {
        Assert.True(Program(codes: ["metal"]).Serves("33"));
        Assert.False(Program(codes: ["metal"]).Serves("32"));
        Assert.True(Program(codes: ["metal"], provinces: []).Serves("32"));
    }

    [Fact]
    public void Enrolment_RespectsSeatsDatesProvinceAndOneSeatPerSupplier()
    {
        var program = Program(codes: ["metal"], seats: 1);
        var supplier = Guid.NewGuid();
        program.Enrol(Guid.NewGuid(), supplier, "33", Now);
        Assert.Equal(0, program.SeatsLeft);
        Assert.Contains("full", Assert.Throws<InvalidStateTransitionException>(() => program.Enrol(Guid.NewGuid(), Guid.NewGuid(), "33", Now)).Message, StringComparison.Ordinal);
        Assert.Contains("already", Assert.Throws<InvalidStateTransitionException>(() => program.Enrol(Guid.NewGuid(), supplier, "33", Now)).Message, StringComparison.Ordinal);
        Assert.Equal("supplierId", Assert.Throws<DomainRuleException>(() => Program(codes: ["metal"]).Enrol(Guid.NewGuid(), Guid.NewGuid(), "32", Now)).Field);
        Assert.Throws<InvalidStateTransitionException>(() => Program(codes: ["metal"]).Enrol(Guid.NewGuid(), Guid.NewGuid(), "33", Now.AddDays(31)));
    }

    [Fact]
    public void Completion_HappensOnce_WithAnOutcomeTheProgramAddresses()
    {
        var program = Program(schemes: [CertificationScheme.Sni]);
        var enrolment = program.Enrol(Guid.NewGuid(), Guid.NewGuid(), "33", Now);
        Assert.Equal("outcome", Assert.Throws<DomainRuleException>(() =>
            program.Complete(enrolment.Id, new ProgramOutcome(OutcomeKind.CertificateGranted, CertificationScheme.Iso9001, ValidUntil: Today.AddYears(1)), Now)).Field);
        Assert.Throws<DomainRuleException>(() => program.Complete(enrolment.Id, new ProgramOutcome(OutcomeKind.CapabilityVerified, CapabilityCode: "metal.casting"), Now));

        program.Complete(enrolment.Id, new ProgramOutcome(OutcomeKind.CertificateGranted, CertificationScheme.Sni, ValidUntil: Today.AddYears(1)), Now);

        Assert.Equal(EnrolmentStatus.Completed, enrolment.Status);
        Assert.Equal(Now, enrolment.CompletedAt);
        Assert.Throws<InvalidStateTransitionException>(() => program.Complete(enrolment.Id, new ProgramOutcome(OutcomeKind.None), Now));
    }

    [Fact]
    public void Replace_KeepsSeatsAboveTheEnrolled_AndARemovableProgramHasNone()
    {
        var program = Program(codes: ["metal"], seats: 3);
        program.EnsureRemovable();
        program.Enrol(Guid.NewGuid(), Guid.NewGuid(), "33", Now);
        program.Enrol(Guid.NewGuid(), Guid.NewGuid(), "33", Now);

        Assert.Equal("seats", Assert.Throws<DomainRuleException>(() =>
            program.Replace("x", "y", ProgramKind.Training, ["metal"], [], false, [], Today, Today, 1)).Field);
        program.Replace("Renamed", "y", ProgramKind.Training, ["metal.casting"], [], false, [], Today, Today.AddDays(1), 2);
        Assert.Equal(("Renamed", 2, 0), (program.Name, program.Seats, program.SeatsLeft));
        Assert.Throws<InvalidStateTransitionException>(program.EnsureRemovable);
    }

    [Fact]
    public void APrograms_DatesSeatsAndSubject_AreChecked()
    {
        Assert.Equal("endsOn", Assert.Throws<DomainRuleException>(() =>
            new CapabilityProgram(Guid.NewGuid(), "x", "y", ProgramKind.Training, ["metal"], [], false, [], Today, Today.AddDays(-1), 1, Now)).Field);
        Assert.Equal("seats", Assert.Throws<DomainRuleException>(() =>
            new CapabilityProgram(Guid.NewGuid(), "x", "y", ProgramKind.Training, ["metal"], [], false, [], Today, Today, 0, Now)).Field);
        Assert.Equal("capabilityCodes", Assert.Throws<DomainRuleException>(() =>
            new CapabilityProgram(Guid.NewGuid(), "x", "y", ProgramKind.Training, [], [], false, [], Today, Today, 1, Now)).Field);
    }
}
