using Matchmaking.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class CapabilityProgramConfiguration : IEntityTypeConfiguration<CapabilityProgram>
{
    public void Configure(EntityTypeBuilder<CapabilityProgram> builder)
    {
        builder.ToTable("capability_programs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Operator).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.PrimitiveCollection(p => p.CertificationSchemes).ElementType(e => e.HasConversion<string>());
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.SeatsLeft);
        builder.HasMany(p => p.Enrolments).WithOne().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Enrolments).HasField("_enrolments").AutoInclude();
    }
}

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("program_enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.ProgramId, e.SupplierId }).IsUnique();
        builder.HasIndex(e => e.SupplierId);
        builder.HasOne<Domain.Suppliers.Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(e => e.Outcome, outcome =>
        {
            outcome.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30).HasColumnName("outcome_kind");
            outcome.Property(o => o.Scheme).HasConversion<string>().HasMaxLength(20).HasColumnName("outcome_scheme");
            outcome.Property(o => o.CertificateNumber).HasMaxLength(100).HasColumnName("outcome_certificate_number");
            outcome.Property(o => o.ValidUntil).HasColumnName("outcome_valid_until");
            outcome.Property(o => o.CapabilityCode).HasMaxLength(100).HasColumnName("outcome_capability_code");
            outcome.Property(o => o.MonthlyCapacity).HasColumnName("outcome_monthly_capacity");
            outcome.Property(o => o.Unit).HasMaxLength(20).HasColumnName("outcome_unit");
            outcome.Property(o => o.TkdnPercent).HasColumnName("outcome_tkdn_percent");
        });
    }
}
