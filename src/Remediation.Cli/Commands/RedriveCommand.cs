using System.CommandLine;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Remediation.Core.Queues;
using Remediation.Infrastructure.Storage;

namespace Remediation.Cli.Commands;

/// <summary>
/// <c>remediation redrive</c>: moves every message of <c>&lt;queue&gt;-poison</c> back to its queue, straight on the
/// storage account (signed in with Entra ID: Storage Queue Data Contributor) or a local one (connection string).
/// </summary>
internal static class RedriveCommand
{
    public static Command Create()
    {
        var queue = new Option<string>("--queue") { Description = $"The work queue whose poison queue to empty: {string.Join(", ", WorkQueueNames.All)}.", Required = true };
        var account = new Option<string?>("--account") { Description = "The deployment's storage account name (Azure; you sign in with Entra ID)." };
        var connectionString = new Option<string?>("--connection-string")
        {
            Description = "A storage connection string, without --account (default: AzureWebJobsStorage, e.g. Azurite's).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StorageClients.ConnectionName),
        };
        var command = new Command("redrive", "Send the messages waiting in a poison queue back to their queue, once the cause of their failure is fixed.")
        {
            queue, account, connectionString,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (Queues(parse.GetValue(account), parse.GetValue(connectionString)) is not { } queues)
            {
                Console.Error.WriteLine("Give --account (Azure) or --connection-string (AzureWebJobsStorage).");
                return 2;
            }
            var name = parse.GetValue(queue)!;
            if (!WorkQueueNames.All.Contains(name))
            {
                Console.Error.WriteLine($"{name} is not one of {string.Join(", ", WorkQueueNames.All)}.");
                return 2;
            }
            var moved = await PoisonQueueRedrive.RedriveAsync(queues, name, ct);
            Console.WriteLine($"{moved} messages moved from {WorkQueueNames.PoisonOf(name)} back to {name}.");
            return 0;
        });
        return command;
    }

    // The same clients the pipeline uses (Base64, as the queue triggers read), from the setting the account implies.
    private static QueueServiceClient? Queues(string? account, string? connectionString)
    {
        KeyValuePair<string, string?>? setting =
            !string.IsNullOrEmpty(account) ? new($"{StorageClients.ConnectionName}:queueServiceUri", $"https://{account}.queue.core.windows.net")
            : !string.IsNullOrEmpty(connectionString) ? new(StorageClients.ConnectionName, connectionString)
            : null;
        return setting is { } value
            ? StorageClients.CreateQueueService(new ConfigurationBuilder().AddInMemoryCollection([value]).Build())
            : null;
    }
}
