using Matchmaking.Application.Common;
using Matchmaking.Application.Common.Exceptions;
using Matchmaking.Domain.Access;

namespace Matchmaking.Application.Events;

/// <summary>
/// Who reads events and receives webhooks: admin, buyers, suppliers and financiers, each what it may read through the
/// API. Analysts do not: events carry one organisation's dealings, analysts work on aggregates. Any other
/// role (one added later) is refused until a case here says otherwise.
/// </summary>
public static class EventAccess
{
    public static EventViewer ViewerOf(ICurrentUser user) => user.Role switch
    {
        Role.Admin => new EventViewer(Role.Admin, null),
        Role.Buyer or Role.Supplier or Role.Financier when user.OrganizationId is { } organization => new EventViewer(user.Role.Value, organization),
        _ => throw new ForbiddenException("This key's role does not read events; analysts work on aggregates."),
    };
}
