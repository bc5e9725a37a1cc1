using Matchmaking.Domain.Access;
using Matchmaking.Domain.Common;
using Matchmaking.Domain.Events;
using Matchmaking.Domain.Webhooks;

namespace Matchmaking.Domain.Tests;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Schedule = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)];

    private static WebhookSubscription Subscription() =>
        new(Guid.NewGuid(), Role.Buyer, Guid.NewGuid(), null, new Uri("https://erp.example/hooks"), [EventTypes.MatchAccepted], null, Now);

    /// <summary>A delivery as the dispatcher holds it after claiming: one attempt counted.</summary>
    private static WebhookDelivery Claimed(int attempts)
    {
        var delivery = (WebhookDelivery)Activator.CreateInstance(typeof(WebhookDelivery), nonPublic: true)!;
        typeof(WebhookDelivery).GetProperty(nameof(WebhookDelivery.Attempts))!.SetValue(delivery, attempts);
        return delivery;
    }

    [Fact]
    public void Secret_IsWhsecWith32RandomBytes_AndRotationKeepsTheOldOneForTheOverlap()
    {
        var subscription = Subscription();
        var first = subscription.Secret;
        Assert.StartsWith(WebhookSubscription.SecretPrefix, first, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(first[WebhookSubscription.SecretPrefix.Length..]).Length);

        subscription.RotateSecret(Now, TimeSpan.FromHours(24));

        Assert.NotEqual(first, subscription.Secret);
        Assert.Equal([subscription.Secret, first], subscription.SigningSecrets(Now.AddHours(23)));
        Assert.Equal([subscription.Secret], subscription.SigningSecrets(Now.AddHours(24)));
    }

    [Fact]
    public void Subscription_NeedsKnownTypes_AndAnOrganisationForBuyersAndSuppliers()
    {
        Assert.Equal("events", Assert.Throws<DomainRuleException>(() =>
            new WebhookSubscription(Guid.NewGuid(), Role.Admin, null, null, new Uri("https://x.example"), ["need.exploded"], null, Now)).Field);
        Assert.Equal("events", Assert.Throws<DomainRuleException>(() =>
            new WebhookSubscription(Guid.NewGuid(), Role.Admin, null, null, new Uri("https://x.example"), [], null, Now)).Field);
        Assert.Equal("organizationId", Assert.Throws<DomainRuleException>(() =>
            new WebhookSubscription(Guid.NewGuid(), Role.Supplier, null, null, new Uri("https://x.example"), [EventTypes.MatchInvited], null, Now)).Field);
    }

    [Fact]
    public void GivenUpDeliveries_DisableTheSubscriptionAtTheThreshold_AndASuccessResetsTheRun()
    {
        var subscription = Subscription();
        Assert.False(subscription.GaveUp(disableAfter: 3));
        subscription.Delivered();
        Assert.False(subscription.GaveUp(3));
        Assert.False(subscription.GaveUp(3));
        Assert.True(subscription.GaveUp(3));
        Assert.False(subscription.Active);
        Assert.NotNull(subscription.DisabledReason);
        Assert.False(subscription.GaveUp(3)); // already disabled: said once

        subscription.Enable();

        Assert.True(subscription.Active);
        Assert.Equal(0, subscription.ConsecutiveFailures);
    }

    [Theory]
    [InlineData(1, 0.0, 9.0)]
    [InlineData(1, 1.0, 11.0)]
    [InlineData(2, 0.5, 60.0)]
    public void AFailedAttempt_WaitsItsScheduledTimeWithinTenPercentJitter(int attempts, double jitter, double expectedSeconds)
    {
        var delivery = Claimed(attempts);

        var gaveUp = delivery.Record(500, null, "busy", 12, Now, Schedule, jitter);

        Assert.False(gaveUp);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(expectedSeconds, (delivery.NextAttemptAt - Now).TotalSeconds, 6);
        Assert.Null(delivery.LeaseUntil);
        Assert.Equal(500, delivery.AttemptLog.Single().StatusCode);
    }

    [Fact]
    public void TheAttemptAfterTheLastWait_FailingGivesUp_AndASuccessEndsTheDelivery()
    {
        var last = Claimed(3);
        Assert.True(last.Record(null, "refused", null, 3, Now, Schedule, 0.5));
        Assert.Equal(DeliveryStatus.Failed, last.Status);

        var ok = Claimed(1);
        Assert.False(ok.Record(204, null, null, 3, Now, Schedule, 0.5));
        Assert.Equal((DeliveryStatus.Succeeded, Now), (ok.Status, ok.SucceededAt));

        last.Redeliver(Now);
        Assert.Equal((DeliveryStatus.Pending, 0, Now), (last.Status, last.Attempts, last.NextAttemptAt));
    }

    [Fact]
    public void AnswersAreKeptShort()
    {
        var delivery = Claimed(1);
        delivery.Record(500, null, new string('x', 10_000), 1, Now, Schedule, 0);
        Assert.Equal(WebhookDelivery.MaxResponseExcerpt, delivery.AttemptLog.Single().ResponseExcerpt!.Length);
    }

    [Fact]
    public void EventsWrittenTogether_GetAscendingIdsInTheOrderOfTheChanges()
    {
        var events = Enumerable.Range(0, 50).Select(i => new IntegrationEvent(EventTypes.NeedCreated, Now, Guid.NewGuid(), null, [], "{}")).ToList();

        IntegrationEvent.NumberInOrder(events);

        Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));
        Assert.Throws<ArgumentException>(() => new IntegrationEvent("need.exploded", Now, Guid.NewGuid(), null, [], "{}"));
    }
}
