namespace Remediation.Core.Scanning.Domains;

/// <summary>
/// Domains of governments, their courts and their police: the only places a court or police notice is mailed from.
/// A government's zone (gov, gov.br, gouv.fr, gob.mx, go.jp, jus.br) covers every agency under it; justice and
/// police services outside such a zone are listed by name.
/// </summary>
internal static class GovernmentDomains
{
    // The second-level labels governments take under their country code: gov.uk, gouv.fr, gob.es, go.jp, jus.br.
    private static readonly HashSet<string> ZoneLabels = new(["gov", "gouv", "gob", "go", "govt", "gv", "jus", "mp", "police", "mil"], StringComparer.OrdinalIgnoreCase);

    private static readonly DomainList Named = new(
    [
        "gov", "mil", "europa.eu", "int", "admin.ch", "bund.de", "justiz.de", "polizei.de", "rechtspraak.nl", "politie.nl",
        "om.nl", "overheid.nl", "giustizia.it", "poliziadistato.it", "carabinieri.it", "policia.es", "guardiacivil.es",
        "tribunais.org.pt", "justice.fr", "interieur.gouv.fr", "gc.ca", "belgium.be", "just.fgov.be",
    ]);

    public static bool Contains(string domain)
    {
        if (Named.Match(domain) is not null) return true;
        var labels = domain.TrimEnd('.').Split('.');
        // "police.uk", "gov.br" and their subdomains; a German state's "justiz.nrw.de" or "polizei.bayern.de".
        return labels.Length >= 2 && (ZoneLabels.Contains(labels[^2]) && labels[^1].Length == 2
            || labels.Take(labels.Length - 1).Any(l => l is "justiz" or "polizei"));
    }
}
