using Matchmaking.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        builder.Property(k => k.Hash).HasMaxLength(32).IsRequired();
        builder.Ignore(k => k.IsRevoked);
        builder.HasIndex(k => k.Prefix);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Role).HasMaxLength(20);
        builder.Property(a => a.Entity).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(50).IsRequired();
        builder.HasIndex(a => new { a.Entity, a.EntityId, a.At });
        builder.HasIndex(a => a.At);
        builder.Property(a => a.RelatedIds).HasDefaultValueSql("'{}'::uuid[]");
        builder.HasIndex(a => a.RelatedIds).HasMethod("gin");
    }
}
