using AutoMapper;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Programs;
using Matchmaking.Domain.Suppliers;

namespace Matchmaking.Application.Programs;

public sealed record ProgramDto(
    Guid Id, string Name, string Operator, ProgramKind Kind, IReadOnlyList<string> CapabilityCodes, IReadOnlyList<CertificationScheme> CertificationSchemes,
    bool RaisesLocalContent, IReadOnlyList<string> ProvinceCodes, DateOnly StartsOn, DateOnly EndsOn, int Seats, int SeatsLeft, DateTimeOffset CreatedAt)
;

/// <summary>A program named next to a gap it could close.</summary>
public sealed record ProgramRefDto(Guid Id, string Name, string Operator, ProgramKind Kind, DateOnly StartsOn, DateOnly EndsOn, int SeatsLeft)
;

public sealed record OutcomeDto(
    OutcomeKind Kind, CertificationScheme? Scheme, string? CertificateNumber, DateOnly? ValidUntil, string? CapabilityCode, decimal? MonthlyCapacity,
    string? Unit, decimal? TkdnPercent)
;

public sealed record EnrolmentDto(
    Guid Id, Guid ProgramId, string ProgramName, Guid SupplierId, EnrolmentStatus Status, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt, OutcomeDto Outcome)
;

/// <summary>An enrolment with the program it belongs to (the enrolment alone does not know the program's name).</summary>
public sealed record ProgramEnrolment(CapabilityProgram Program, Enrolment Enrolment);

public sealed class ProgramMappingProfile : Profile
{
    public ProgramMappingProfile()
    {
        CreateMap<CapabilityProgram, ProgramDto>();
        CreateMap<CapabilityProgram, ProgramRefDto>();
        CreateMap<ProgramOutcome, OutcomeDto>();
        CreateMap<ProgramEnrolment, EnrolmentDto>()
            .ForCtorParam(nameof(EnrolmentDto.Id), o => o.MapFrom(s => s.Enrolment.Id))
            .ForCtorParam(nameof(EnrolmentDto.ProgramId), o => o.MapFrom(s => s.Program.Id))
            .ForCtorParam(nameof(EnrolmentDto.ProgramName), o => o.MapFrom(s => s.Program.Name))
            .ForCtorParam(nameof(EnrolmentDto.SupplierId), o => o.MapFrom(s => s.Enrolment.SupplierId))
            .ForCtorParam(nameof(EnrolmentDto.Status), o => o.MapFrom(s => s.Enrolment.Status))
            .ForCtorParam(nameof(EnrolmentDto.EnrolledAt), o => o.MapFrom(s => s.Enrolment.EnrolledAt))
            .ForCtorParam(nameof(EnrolmentDto.CompletedAt), o => o.MapFrom(s => s.Enrolment.CompletedAt))
            .ForCtorParam(nameof(EnrolmentDto.Outcome), o => o.MapFrom(s => s.Enrolment.Outcome));
    }
}

/// <summary>Active programs (not ended) that address a gap and serve a province.</summary>
public static class ProgramMatcher
{
    public static IReadOnlyList<ProgramRefDto> For(
        IMapper mapper, IEnumerable<CapabilityProgram> programs, Domain.Matching.GapKind kind, string? subject, string provinceCode) =>
        mapper.Map<List<ProgramRefDto>>(programs.Where(p => p.Addresses(kind, subject) && p.Serves(provinceCode))
            .OrderBy(p => p.StartsOn).ThenBy(p => p.Name, StringComparer.Ordinal));
}
