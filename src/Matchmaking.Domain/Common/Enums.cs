namespace Matchmaking.Domain.Common;

public enum LegalForm
{
    Pt,
    Cv,
    Ud,
    Firma,
    Koperasi,
    Perorangan,
}

public enum CertificationScheme
{
    Sni,
    Iso9001,
    Iso14001,
    Iso45001,
    Halal,
    Tkdn,
    Spln,
    Other,
}

public enum BuyerType
{
    Bumn,
    Bumd,
    LargePrivate,
    Government,
}
