using Matchmaking.Domain.Facilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> builder)
    {
        builder.ToTable("facilities");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Operator).HasMaxLength(200).IsRequired();
        builder.Property(f => f.ProvinceCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(f => f.MonthlyCapacity).HasPrecision(18, 2);
        builder.PrimitiveCollection(f => f.CertificationSchemes).ElementType(e => e.HasConversion<string>());
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.ComplexProperty(f => f.Location, location =>
        {
            location.Property(p => p.Latitude).HasColumnName("latitude");
            location.Property(p => p.Longitude).HasColumnName("longitude");
        });
        builder.HasIndex(f => f.ProvinceCode);
        builder.HasIndex(f => f.CapabilityCodes).HasMethod("gin");
    }
}
