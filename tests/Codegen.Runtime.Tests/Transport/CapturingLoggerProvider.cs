using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>Captures everything a logger is given: formatted messages, structured values, scopes and exceptions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => _entries.ToArray();

    /// <summary>Everything captured, as one text to search for secrets.</summary>
    public string AllText => string.Join("\n", _entries);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder();
            text.Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }
            owner._scopes.ForEachScope((scope, builder) =>
            {
                builder.Append(" | scope: ").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        builder.Append(' ').Append(key).Append('=').Append(value);
                    }
                }
            }, text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }
            owner._entries.Enqueue(text.ToString());
        }
    }
}
