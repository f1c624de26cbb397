using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Rules;

namespace Remediation.Core.Tests.Scanning.Rules;

/// <summary>Spam's offers are read in every language of the lexicon, as offers and not as mentions of their subject.</summary>
public class SpamOfferRuleTests
{
    private const string Link = "\n\nhttps://offer.example-promo.example/go";

    private readonly SpamOfferRule _sut = new();

    public static TheoryData<string, string, string> Offers => new()
    {
        { "adult dating", "Tonight?", "Lonely women near you are waiting for your message." },
        { "adult dating", "Hi", "I am 24 and looking for a lover. Click for date." },
        { "adult dating", "Neue Nachricht", "Einsame Frauen aus deiner Stadt, siehe private Fotos." },
        { "adult dating", "Heb jij tijd?", "Zin in een spannende afspraak? Geen nepprofielen." },
        { "adult dating", "Nieuw bericht", "Wil je daten met een Oekraïense schoonheid? Ze is single, dichtbij en klaar." },
        { "adult dating", "Deze week", "Russische vrouwen willen met jou chatten." },
        { "adult dating", "Oi", "Mulheres solteiras perto de você querem conversar." },
        { "adult dating", "Hola", "Chicas solteras de tu ciudad te esperan." },
        { "adult dating", "Ce soir", "Des rencontres coquines près de chez vous." },
        { "adult dating", "Ciao", "Incontri discreti nella tua città." },
        { "adult dating", "ご案内", "人妻との出会いを探していますか?" },
        { "gambling", "Welcome", "Claim 50 free spins at our casino today." },
        { "gambling", "Bonus", "Casino: 200 % Willkommensbonus auf die erste Einzahlung." },
        { "gambling", "Rodadas", "Ganhe 100 rodadas grátis agora." },
        { "miracle health", "Men only", "Cheap Viagra, shipped discreetly." },
        { "miracle health", "Summer body", "Lose 10 kg before summer with one capsule a day." },
        { "miracle health", "Doctors hate it", "This strange kitchen trick melts belly fat." },
        { "miracle health", "Emagreça", "Como emagrecer 8 kg em 30 dias." },
        { "easy money", "Freedom", "Earn $500 a day from your couch." },
        { "easy money", "Neu", "Passives Einkommen mit unserem Bitcoin-Roboter." },
        { "easy money", "Oportunidade", "Ganhe dinheiro de casa: renda extra todo mês." },
        { "easy money", "Invest", "Our bitcoin trading platform pays 3% daily returns." },
        { "loans", "Loan", "We offer personal loans at a low interest rate of 3%." },
        { "loans", "Empréstimo", "Oferecemos empréstimos a cidadãos de todos os países." },
        { "loans", "Prêt", "Nous proposons des prêts entre particuliers." },
    };

    public static TheoryData<string, string> Mentions => new()
    {
        { "Town council", "The council voted on the casino licence last night. Minutes attached." },
        { "Dinner", "Are we still on for dinner? My sister is dating someone new." },
        { "Conferentie", "De Oekraïense delegatie en de Poolse dames van het team komen vrijdag; de single room is geboekt." },
        { "Health plan", "Your health plan now covers diabetes screening and weight-loss counselling." },
        { "Code review", "Nice trick with the shader cache, it saved 2 ms a frame." },
        { "Loan statement", "Your loan statement for November is ready in online banking." },
        { "Payroll", "Reminder: expenses submitted by Friday are paid with the November salary." },
        { "Gewinnspiel", "Unser Sommerfest: Anmeldung bis Freitag, Lose für die Tombola an der Kasse." },
    };

    [Theory]
    [MemberData(nameof(Offers))]
    public void Evaluate_OfferWithALink_NamesItsTopic(string topic, string subject, string body)
    {
        var hit = Assert.Single(_sut.Evaluate(TestMail.FromText(subject, body + Link)));

        Assert.Equal(3, hit.Weight);
        Assert.Equal(ThreatCategory.Spam, hit.Category);
        Assert.StartsWith($"Offers {topic} (\"", hit.Reason, StringComparison.Ordinal);
        Assert.EndsWith("\"), with a link.", hit.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Offers))]
    public void Evaluate_OfferWithoutALink_FiresNothing(string topic, string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText(subject, body)));
        Assert.Contains(topic, Assert.Single(_sut.Evaluate(TestMail.FromText(subject, body + Link))).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Mentions))]
    public void Evaluate_SubjectOnlyMentioned_FiresNothing(string subject, string body)
    {
        Assert.Empty(_sut.Evaluate(TestMail.FromText(subject, body + Link)));
    }
}
