using Matchmaking.Domain.Buyers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class BuyerConfiguration : IEntityTypeConfiguration<Buyer>
{
    public void Configure(EntityTypeBuilder<Buyer> builder)
    {
        builder.ToTable("buyers");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Name).HasMaxLength(200).IsRequired();
        builder.Property(b => b.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Sector).HasMaxLength(100);
        builder.Property(b => b.ProvinceCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => b.Name);
        builder.HasIndex(b => new { b.Type, b.ProvinceCode });
        builder.HasIndex(b => b.ProvinceCode);
    }
}
