using Matchmaking.Application.Common;
using Matchmaking.Domain.Access;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Application.Webhooks;

/// <summary>Admin sees every subscription; a buyer or supplier those of its organisation; anyone else none (404).</summary>
public static class WebhookAccess
{
    public static IQueryable<WebhookSubscription> VisibleTo(this IQueryable<WebhookSubscription> subscriptions, ICurrentUser user)
    {
        var organization = user.OrganizationId;
        return user.Role switch
        {
            Role.Admin => subscriptions,
            Role.Buyer => subscriptions.Where(s => s.OwnerRole == Role.Buyer && s.OrganizationId == organization),
            Role.Supplier => subscriptions.Where(s => s.OwnerRole == Role.Supplier && s.OrganizationId == organization),
            Role.Financier => subscriptions.Where(s => s.OwnerRole == Role.Financier && s.OrganizationId == organization),
            _ => subscriptions.Where(_ => false), // deny by default
        };
    }
}
