using System.Text.RegularExpressions;
using Remediation.Core.Scanning.Content;

namespace Remediation.Core.Scanning.Lures;

/// <summary>
/// What bulk spam sells today, in the lexicon's languages: adult dating, gambling, miracle health, easy money and
/// loans. Matched like the lures, on the subject and body with diacritics removed, case-insensitive. Each topic is
/// written as the offer is made ("lonely women near you", "free spins", "lose 10 kg"), not as news or talk mention
/// the subject ("dating", "casino", "weight"), which mailing lists and newspapers do every day.
/// </summary>
internal static class OfferLexicon
{
    /// <summary>The first topic whose offer the text makes, and the words that make it; null when none.</summary>
    public static (string Topic, Match Words)? Find(string text)
    {
        // Most mail offers nothing: one pass over every topic at once rules it out, and only an offer is read again per topic.
        if (!LureLexicon.FirstMatch(AnyTopic, text).Success) return null;
        foreach (var (topic, patterns) in Topics)
        {
            var match = LureLexicon.FirstMatch(patterns, text);
            if (match.Success) return (topic, match);
        }
        return null;
    }

    private static readonly (string Topic, string[] Patterns)[] Written =
    [
        ("adult dating", [
            @"\blooking\s+for\s+(a\s+)?(lover|sex\s+partner|hook-?up|one[\s-]night\s+stand|casual\s+(sex|fun|encounters?))\b",
            @"\b(lonely|horny|naughty|sexy|hot|local|single|mature)\s+(women|girls|ladies|moms|milfs?|wives|housewives|singles)\s+(near\s+you|in\s+your\s+(area|city|town)|are\s+(waiting|looking|searching)|want\s+to\s+(meet|date|chat))",
            @"\b(meet|date|chat\s+with)\s+(hot|sexy|lonely|horny|local|naughty|mature|russian|ukrainian)\s+(women|girls|singles|ladies|moms|milfs?|wives|brides)\b|\bclick\s+(here\s+)?for\s+(a\s+)?date\b|\b(sex|adult|casual)\s+(dating|date|contacts?|encounters?)\b|\blive\s+sex\s+chat\b|\bsee\s+(my\s+)?(private|hot|naughty|nude)\s+(photos|pics|pictures)\b",
            @"\b(einsame|heisse|geile|reife|sexy|versaute|russische|ukrainische)\s+(frauen|singles|hausfrauen|girls|damen|madchen|milfs?)\b|\bsiehe\s+(private\s+)?fotos\b|\bprivate\s+fotos\b|\bsex(kontakte?|treffen|date)\b|\bseitensprung|\berotische\s+(treffen|abenteuer|kontakte)",
            @"\b(eenzame|alleenstaande|geile|sexy|ondeugende|rijpe)\s+(vrouwen|dames|singles|meiden|moeders)\b|\bsexdate|\bontmoetingssites?\b|\bspannende\s+(afspraak|date|ontmoeting)|\bintiem\s+contact|\bgeen\s+nepprofielen",
            // Women of a nationality offered ("Oekraïense schoonheden", "daten met een Russische"), not mentioned ("de Poolse dames van het team").
            @"\b(oekraiense|russische|aziatische|poolse|slavische)\s+(schoonheden|schoonheid|bruiden)\b|\b(daten|chatten|date|ontmoet|ontmoeten)\s+met\s+(een\s+)?(oekraiense|russische|aziatische|poolse|slavische)\b|\b(ontmoet|date)\s+(een\s+)?(oekraiense|russische|aziatische|poolse|slavische)\s+(vrouw|vrouwen|meisjes|meiden)\b|\b(oekraiense|russische|aziatische|poolse|slavische)\s+(vrouwen|meisjes|meiden)\s+(willen|zoeken|wachten)\b|\bsingles?\s+in\s+(jouw|je|uw)\s+(buurt|omgeving)\b|\b(single|vrijgezel),?\s+dichtbij\b",
            @"\b(mulheres|garotas|meninas|coroas)\s+(solteiras|carentes|safadas|gostosas|quentes)\b|\bencontros?\s+(casuais|quentes|picantes|sexuais|discretos)\b",
            @"\b(mujeres|chicas|maduras)\s+(solteras|calientes|cachondas|solitarias)\b|\bencuentros\s+(casuales|sexuales|discretos|calientes)\b",
            @"\b(femmes|filles)\s+(seules|celibataires|coquines|chaudes|mures)\b|\brencontres?\s+(coquines?|sexy|discretes?|adultes?|d'un\s+soir|sans\s+lendemain)\b",
            @"\b(donne|ragazze)\s+(sole|single|calde|sexy|mature)\b|\bincontri\s+(piccanti|sexy|discreti|per\s+adulti|occasionali)\b",
            @"出会い系|人妻|セフレ"]),
        ("gambling", [
            @"\b(casino|cassino|kasino|casinos)\b.{0,100}\b(bonus|spins|deposit|jackpot|einzahlung|deposito|giros|rodadas|freispiele|tours|players|spieler|jogadores|jugadores)\b",
            @"\b(free\s+spins|freispiele|giros\s+gratis|rodadas\s+gratis|tours\s+gratuits|gratis\s+spins|giri\s+gratis)\b|\b(no[\s-]deposit\s+bonus|bonus\s+sem\s+deposito|bono\s+sin\s+deposito|bonus\s+ohne\s+einzahlung|bonus\s+sans\s+depot)\b|\b(daily|weekly)\s+jackpot\b|\bbet\s+now\b"]),
        ("miracle health", [
            @"\b(viagra|cialis|levitra|kamagra|sildenafil|tadalafil|vlagra|cialls)\b|\berectile\s+dysfunction|\b(erektionsstorung\w*|potenzmittel|potenzprobleme|disfuncao\s+eretil|disfuncion\s+erectil|dysfonction\s+erectile|erectiestoornis\w*|disfunzione\s+erettile)\b|\bmale\s+enhancement\b",
            @"\b(lose|lost|burn|melt|drop)\s+(up\s+to\s+)?(\d+\s*(lbs|pounds|kg|kilos)|belly\s+fat|stubborn\s+fat)\b|\b\d+\s*(lbs|pounds)\s+gone\b|\b(abnehmen|fett\s+verbrennen)\s+(ohne|in\s+\d|bis\s+zu)\b|\b(emagrecer|eliminar|perder)\s+(ate\s+)?\d+\s*(kg|quilos)\b|\b(adelgazar|perder)\s+(hasta\s+)?\d+\s*(kg|kilos)\b|\b(perdre|maigrir\s+de)\s+(jusqu'a\s+)?\d+\s*(kg|kilos)\b|\b(afvallen|verlies)\s+(tot\s+)?\d+\s*(kg|kilo)\b|\bdimagrire\s+(fino\s+a\s+)?\d+\s*(kg|chili)\b",
            @"\b(blood\s+sugar|diabetes|tinnitus|prostate|neuropathy|joint\s+pain|toenail\s+fungus|belly\s+fat|weight[\s-]loss)\s+(solution|secret|trick|remedy|breakthrough|miracle|hack|ritual)\b|\b(miracle|secret)\s+(cure|pill|remedy)\b|\b(strange|weird|bizarre|odd|\d+[\s-]second)\s+([\w""'“”-]+\s+){0,2}(trick|ritual|hack)\b"]),
        ("easy money", [
            @"\b(earn|make)\s+(up\s+to\s+)?\$\s?\d[\d,.]*\s*(a|per|every)\s+(day|week|hour)\b|\b(earn|make)\s+(up\s+to\s+)?\d[\d,.]*\s*(\$|usd|dollars|euros?|eur)\s*(a|per|every)\s+(day|week|hour)\b|\b(make|earn)\s+money\s+(online|from\s+home|fast)\b|\bpassive\s+income\b",
            @"\b(geld|euro)\s+(verdienen|pro\s+tag)\s+(von\s+zu\s+hause|online|ohne)\b|\bpassives\s+einkommen\b|\b(ganhe|ganhar)\s+(dinheiro|r\$\s?\d)|\brenda\s+(extra|passiva)\b|\b(gana|ganar)\s+dinero\s+(desde\s+casa|online|facil)\b|\b(gagnez|gagner)\s+de\s+l'argent\s+(en\s+ligne|facilement|depuis)\b|\bgeld\s+verdienen\s+(vanuit\s+huis|online)\b|\bguadagna(re)?\s+(soldi|denaro)\s+(online|da\s+casa)\b",
            @"\b(bitcoin|crypto|forex)\s+(investment|trading)\s+(platform|opportunity|robot|bot|program)\b|\b(double|triple|multiply)\s+your\s+(bitcoins?|money|investment|crypto)\b|\b\d+\s?%\s+(daily|weekly|monthly|per\s+day)\s+(returns?|profits?|roi|interest)\b|\bguaranteed\s+(profits?|returns?|income)\b"]),
        ("loans", [
            @"\b(loan|lending)\s+offer\b|\b(we|i)\s+(offer|give|grant|provide)\s+(all\s+kinds\s+of\s+)?(personal\s+|business\s+)?loans\b|\bloans?\s+(at|with)\s+(an?\s+)?(low\s+)?interest\s+rate\s+of\s+\d",
            @"\b(oferta|oferecemos|concedemos|ofereco)\s+(de\s+)?emprestimos?\b|\bemprestimos?\s+(pessoal|pessoais|rapido|urgente|sem\s+consulta|a\s+cidadaos)\b|\b(ofrecemos|ofrezco|oferta\s+de|otorgamos)\s+(un\s+)?prestamos?\b|\b(offre|propose|accorde)\s+(de\s+)?prets?\b|\bprets?\s+(entre\s+particuliers|personnels?\s+(rapide|urgent))\b|\b(kredit|darlehen)\s+(ohne\s+schufa|angebot)\b|\bwij\s+(bieden|verstrekken)\s+(leningen|een\s+lening)\b|\b(offriamo|offerta\s+di)\s+prestit"]),
    ];

    private static readonly (string Topic, Regex[] Patterns)[] Topics = [.. Written.Select(t => (t.Topic, LureLexicon.Compile(t.Patterns)))];

    private static readonly Regex[] AnyTopic = LureLexicon.Compile([.. Written.SelectMany(t => t.Patterns)]);
}
