using Matchmaking.Domain.Events;
using Matchmaking.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

/// <summary>
/// The outbox. Besides these columns the table has <c>transaction_id xid8</c> (default pg_current_xact_id(),
/// migration Events): the feed orders by it and reads only transactions older than every running one.
/// </summary>
public sealed class IntegrationEventConfiguration : IEntityTypeConfiguration<IntegrationEvent>
{
    public void Configure(EntityTypeBuilder<IntegrationEvent> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Position).UseIdentityAlwaysColumn();
        builder.Property(e => e.Type).HasMaxLength(50).IsRequired();
        builder.Property(e => e.Data).HasColumnType("jsonb").IsRequired();
        builder.Property(e => e.SupplierIds).IsRequired();
        builder.HasIndex(e => e.BuyerId);
        builder.HasIndex(e => e.SupplierIds).HasMethod("gin");
    }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.OwnerRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(WebhookSubscription.MaxDescriptionLength);
        builder.Property(s => s.Secret).HasMaxLength(100).IsRequired();
        builder.Property(s => s.PreviousSecret).HasMaxLength(100);
        builder.Property(s => s.DisabledReason).HasMaxLength(500);
        builder.HasIndex(s => new { s.OwnerRole, s.OrganizationId });
        builder.HasMany<WebhookDelivery>().WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Besides these columns: <c>event_xid xid8</c>, the event's transaction, so deliveries keep event order.</summary>
public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(50).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'");
        builder.HasIndex(d => new { d.SubscriptionId, d.ResourceId }).HasFilter("status = 'Pending'");
        builder.HasIndex(d => new { d.SubscriptionId, d.EventPosition });
        builder.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.AttemptLog).HasField("_attempts");
    }
}

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);

        // Attempts are added through their delivery's collection: a key the database never generates makes
        // EF Core insert them rather than take them for existing rows.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxResponseExcerpt);
        builder.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookDelivery.MaxResponseExcerpt);
        builder.HasIndex(a => a.DeliveryId);
    }
}
