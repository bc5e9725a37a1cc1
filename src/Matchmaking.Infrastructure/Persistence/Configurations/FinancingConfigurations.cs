using Matchmaking.Domain.Financing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class FinancierConfiguration : IEntityTypeConfiguration<Financier>
{
    public void Configure(EntityTypeBuilder<Financier> builder)
    {
        builder.ToTable("financiers");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(30);
    }
}

public sealed class FinancingRequestConfiguration : IEntityTypeConfiguration<FinancingRequest>
{
    public void Configure(EntityTypeBuilder<FinancingRequest> builder)
    {
        builder.ToTable("financing_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DisputeReason).HasMaxLength(1000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.AcceptedOffer);
        builder.Ignore(r => r.DaysLate);
        builder.HasIndex(r => r.PartnershipId);
        builder.HasIndex(r => r.SupplierId);
        builder.HasIndex(r => r.BuyerId);
        builder.HasOne<Domain.Partnerships.Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Offers).WithOne().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Offers).HasField("_offers").AutoInclude();
        builder.HasMany(r => r.History).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.History).HasField("_history");
    }
}

public sealed class FinancingOfferConfiguration : IEntityTypeConfiguration<FinancingOffer>
{
    public void Configure(EntityTypeBuilder<FinancingOffer> builder)
    {
        builder.ToTable("financing_offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(o => o.TotalCostIdr);
        builder.HasOne<Financier>().WithMany().HasForeignKey(o => o.FinancierId).OnDelete(DeleteBehavior.Restrict);
        // One accepted offer per request, whatever races: the database says so too.
        builder.HasIndex(o => o.RequestId).IsUnique().HasFilter("status = 'Accepted'").HasDatabaseName("ux_financing_offers_one_accepted");
    }
}

public sealed class FinancingStepConfiguration : IEntityTypeConfiguration<FinancingStep>
{
    public void Configure(EntityTypeBuilder<FinancingStep> builder)
    {
        builder.ToTable("financing_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Role).HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.HasIndex(s => s.RequestId);
    }
}
