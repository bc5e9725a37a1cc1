using Matchmaking.Domain.Buyers;
using Matchmaking.Domain.Matching;
using Matchmaking.Domain.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.ToTable("needs");
        builder.HasKey(n => n.Id);
        builder.HasOne<Buyer>().WithMany().HasForeignKey(n => n.BuyerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Title).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Description).HasMaxLength(4000);
        builder.Property(n => n.Quantity).HasPrecision(18, 2);
        builder.Property(n => n.Unit).HasMaxLength(20);
        builder.Property(n => n.DeliveryProvinceCode).HasMaxLength(2).IsFixedLength();
        builder.Property(n => n.MinTkdnPercent).HasPrecision(5, 2);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Ranking).HasConversion<string>().HasMaxLength(20).HasDefaultValue(RankingMode.Balanced).HasSentinel((RankingMode)(-1));
        builder.PrimitiveCollection(n => n.RequiredCertifications).ElementType(e => e.HasConversion<string>());
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.ComplexProperty(n => n.DeliveryLocation, location =>
        {
            location.Property(p => p.Latitude).HasColumnName("delivery_latitude");
            location.Property(p => p.Longitude).HasColumnName("delivery_longitude");
        });
        builder.ComplexProperty(n => n.Weights, weights =>
        {
            weights.Property(w => w.Capability).HasColumnName("weight_capability");
            weights.Property(w => w.Capacity).HasColumnName("weight_capacity");
            weights.Property(w => w.Proximity).HasColumnName("weight_proximity");
            weights.Property(w => w.TrackRecord).HasColumnName("weight_track_record");
            weights.Property(w => w.LocalContent).HasColumnName("weight_local_content");
        });
        builder.HasIndex(n => new { n.BuyerId, n.Status });
        builder.HasIndex(n => new { n.Status, n.DeliveryProvinceCode });
        builder.HasIndex(n => n.CapabilityCodes).HasMethod("gin");
    }
}

public sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> builder)
    {
        builder.ToTable("match_runs");
        // Runs stored before fair exposure were ranked by merit alone.
        builder.Property(r => r.Ranking).HasConversion<string>().HasMaxLength(20).HasDefaultValue(RankingMode.Strict).HasSentinel((RankingMode)(-1));
        builder.Property(r => r.Families).HasDefaultValueSql("'{}'::text[]");
        builder.Property(r => r.MeanTop10Score).HasColumnName("mean_top10_score");
        builder.Property(r => r.StrictMeanTop10Score).HasColumnName("strict_mean_top10_score");
        builder.HasKey(r => r.Id);
        builder.HasOne<Need>().WithMany().HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.NeedId, r.CreatedAt });
    }
}

public sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> builder)
    {
        builder.ToTable("matches");
        builder.HasKey(m => m.Id);
        builder.HasOne<MatchRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);

        // No foreign key to suppliers (docs/decisions/0016): a run's matches are a snapshot, suppliers are only ever deactivated,
        // and checking 300 keys per run locked 300 supplier rows, writing their pages to the WAL after every checkpoint.
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.OwnsMany(m => m.Members, members =>
        {
            members.ToTable("match_members");
            members.WithOwner().HasForeignKey("MatchId");
            members.Property<int>("Id");
            members.HasKey("Id");
            members.Property(x => x.Name).HasMaxLength(200);
            members.Property(x => x.Response).HasConversion<string>().HasMaxLength(20);
            members.HasIndex(x => x.SupplierId);
        });
        builder.ComplexProperty(m => m.Components, components =>
        {
            components.Property(c => c.Capability).HasColumnName("component_capability");
            components.Property(c => c.Capacity).HasColumnName("component_capacity");
            components.Property(c => c.Proximity).HasColumnName("component_proximity");
            components.Property(c => c.TrackRecord).HasColumnName("component_track_record");
            components.Property(c => c.LocalContent).HasColumnName("component_local_content");
        });
        builder.HasIndex(m => new { m.RunId, m.Rank });
        builder.HasIndex(m => m.SupplierId);
        builder.HasIndex(m => m.NeedId);

        // Fair exposure (ExposureHistory) reads the contenders' past top positions: found through the few rows that hold
        // them, not by filtering every stored top position of every run.
        builder.HasIndex(m => new { m.SupplierId, m.RunId }, "ExposedPositions")
            .HasDatabaseName("ix_matches_exposed_positions")
            .IncludeProperties(m => m.Rank)
            .HasFilter($"rank <= {ExposureRanking.ExposedPositions} AND kind = 'Single'");
    }
}

public sealed class NearMissRecordConfiguration : IEntityTypeConfiguration<NearMissRecord>
{
    public void Configure(EntityTypeBuilder<NearMissRecord> builder)
    {
        builder.ToTable("near_misses");
        builder.HasKey(n => n.Id);
        builder.HasOne<MatchRun>().WithMany().HasForeignKey(n => n.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.SupplierProvinceCode).HasMaxLength(2).IsFixedLength();
        builder.Property(n => n.GapKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.GapSubject).HasMaxLength(100);
        builder.Property(n => n.GapMessage).HasMaxLength(300);
        builder.HasIndex(n => n.RunId);
        builder.HasIndex(n => new { n.GapKind, n.GapSubject });
    }
}

public sealed class MatchTransitionConfiguration : IEntityTypeConfiguration<MatchTransition>
{
    public void Configure(EntityTypeBuilder<MatchTransition> builder)
    {
        builder.ToTable("match_transitions");
        builder.HasKey(t => t.Id);
        builder.HasOne<Match>().WithMany().HasForeignKey(t => t.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Role).HasMaxLength(20);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.HasIndex(t => new { t.MatchId, t.At });
    }
}

public sealed class PartnershipConfiguration : IEntityTypeConfiguration<Domain.Partnerships.Partnership>
{
    public void Configure(EntityTypeBuilder<Domain.Partnerships.Partnership> builder)
    {
        builder.ToTable("partnerships");
        builder.HasKey(p => p.Id);
        builder.HasOne<Match>().WithMany().HasForeignKey(p => p.MatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Need>().WithMany().HasForeignKey(p => p.NeedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Buyer>().WithMany().HasForeignKey(p => p.BuyerId).OnDelete(DeleteBehavior.Restrict);
        // One accepted match makes exactly one partnership, whatever the races.
        builder.HasIndex(p => p.MatchId).IsUnique();
        builder.HasIndex(p => new { p.BuyerId, p.Status });
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DaysToPay);
        builder.OwnsMany(p => p.Members, members =>
        {
            members.ToTable("partnership_members");
            members.WithOwner().HasForeignKey("PartnershipId");
            members.Property<int>("Id");
            members.HasKey("Id");
            members.HasIndex(x => x.SupplierId);
        });
    }
}
