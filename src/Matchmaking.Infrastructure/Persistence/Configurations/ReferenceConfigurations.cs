using Matchmaking.Domain.Reference;
using Matchmaking.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

/// <summary>Provinces are seeded by migrations from the shipped CSV, so SQL (reports, joins) can use them.</summary>
public sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("provinces");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(2).IsFixedLength();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Capital).HasMaxLength(100);
        builder.HasData(ReferenceDataLoader.LoadProvinces());
    }
}

/// <summary>The capability taxonomy, seeded by migrations from the shipped CSV.</summary>
public sealed class CapabilityConfiguration : IEntityTypeConfiguration<Capability>
{
    public void Configure(EntityTypeBuilder<Capability> builder)
    {
        builder.ToTable("capabilities");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(100);
        builder.Property(c => c.ParentCode).HasMaxLength(100);
        builder.Property(c => c.NameId).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.HasOne<Capability>().WithMany().HasForeignKey(c => c.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(ReferenceDataLoader.LoadCapabilities());
    }
}
