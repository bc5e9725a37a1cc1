using Matchmaking.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matchmaking.Infrastructure.Persistence.Configurations;

public sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.ToTable("suppliers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Nib).HasMaxLength(13).IsFixedLength().IsRequired();
        builder.HasIndex(s => s.Nib).IsUnique();
        builder.Property(s => s.LegalForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Scale).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.ScaleBasis).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ProvinceCode).HasMaxLength(2).IsFixedLength().IsRequired();
        builder.Property(s => s.RegencyCode).HasMaxLength(4).IsFixedLength();
        builder.Property(s => s.KbliVersion).HasMaxLength(4);
        builder.Property(s => s.Cooperative).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.TkdnPercent).HasPrecision(5, 2);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ComplexProperty(s => s.Location, location =>
        {
            location.Property(p => p.Latitude).HasColumnName("latitude");
            location.Property(p => p.Longitude).HasColumnName("longitude");
        });

        builder.OwnsOne(s => s.Contact, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("contact_name").HasMaxLength(200);
            contact.Property(c => c.Email).HasColumnName("contact_email").HasMaxLength(200);
            contact.Property(c => c.Phone).HasColumnName("contact_phone").HasMaxLength(30);
        });

        builder.OwnsMany(s => s.Capabilities, capability =>
        {
            capability.ToTable("supplier_capabilities");
            capability.WithOwner().HasForeignKey("SupplierId");
            capability.Property<int>("Id");
            capability.HasKey("Id");
            capability.Property(c => c.Code).HasMaxLength(100).IsRequired();
            capability.Property(c => c.MonthlyCapacity).HasPrecision(18, 2);
            capability.Property(c => c.Unit).HasMaxLength(20);
            capability.Property(c => c.Description).HasMaxLength(4000);
            // text_pattern_ops serves both "code = x" and the descendant test "code LIKE 'x.%'".
            capability.HasIndex(c => c.Code).HasOperators("text_pattern_ops");
        });

        builder.OwnsMany(s => s.Certifications, certification =>
        {
            certification.ToTable("supplier_certifications");
            certification.WithOwner().HasForeignKey("SupplierId");
            certification.Property<int>("Id");
            certification.HasKey("Id");
            certification.Property(c => c.Scheme).HasConversion<string>().HasMaxLength(20);
            certification.Property(c => c.Number).HasMaxLength(100);
            certification.Property(c => c.Issuer).HasMaxLength(200);
            certification.HasIndex(c => new { c.Scheme, c.ValidUntil });
        });

        builder.HasIndex(s => new { s.ProvinceCode, s.Scale });
        builder.HasIndex(s => s.Scale);
        builder.HasIndex(s => s.TkdnPercent);
        builder.HasIndex(s => new { s.Active, s.Name });
        // Serves the most common list (one province, name order) and its count as index-only scans.
        builder.HasIndex(s => new { s.Active, s.ProvinceCode, s.Name, s.Id });
        // Text search (q) uses one trigram index over name and description together, created in the
        // SupplierSearchIndex migration on the expression the list query filters by (EF cannot model it).
    }
}
