using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Partnerships;

namespace Matchmaking.Application.Partnerships;

public sealed record PartnershipMemberDto(Guid SupplierId, double Share);

public sealed record PartnershipDto(
    Guid Id, Guid MatchId, Guid NeedId, Guid BuyerId, IReadOnlyList<PartnershipMemberDto> Members, long? AgreedValueIdr, DateOnly StartDate,
    PartnershipStatus Status, DateTimeOffset? CompletedAt, int? QualityRating, int? OnTimeRating, DateOnly? InvoicedOn, DateOnly? PaidOn, int? DaysToPay)
{
    public static PartnershipDto From(Partnership p) => new(
        p.Id, p.MatchId, p.NeedId, p.BuyerId, p.Members.Select(m => new PartnershipMemberDto(m.SupplierId, m.Share)).ToList(),
        p.AgreedValueIdr, p.StartDate, p.Status, p.CompletedAt, p.QualityRating, p.OnTimeRating, p.InvoicedOn, p.PaidOn, p.DaysToPay);
}

