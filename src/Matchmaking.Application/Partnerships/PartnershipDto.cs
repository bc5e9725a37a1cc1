using AutoMapper;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Application.Partnerships;

public sealed record PartnershipMemberDto(Guid SupplierId, double Share);

public sealed record PartnershipDto(
    Guid Id, Guid MatchId, Guid NeedId, Guid BuyerId, IReadOnlyList<PartnershipMemberDto> Members, long? AgreedValueIdr, DateOnly StartDate,
    PartnershipStatus Status, DateTimeOffset? CompletedAt, int? QualityRating, int? OnTimeRating, DateOnly? InvoicedOn, DateOnly? PaidOn, int? DaysToPay)
;

public sealed class PartnershipMappingProfile : Profile
{
    public PartnershipMappingProfile()
    {
        CreateMap<PartnershipMember, PartnershipMemberDto>();
        CreateMap<Partnership, PartnershipDto>();
    }
}

