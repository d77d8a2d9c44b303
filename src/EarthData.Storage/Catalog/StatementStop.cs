using System.Globalization;

namespace EarthData.Storage.Catalog;

/// <summary>
/// What a statement the database stopped means to <see cref="CatalogSearchEngine"/>: a cancelled token is an
/// <see cref="OperationCanceledException"/>; otherwise the statement's time limit ran out, a <see cref="TimeoutException"/>.
/// </summary>
internal static class StatementStop
{
    public static Exception Of(Exception cause, TimeSpan limit, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
            ? new OperationCanceledException("The query was cancelled.", cause, cancellationToken)
            : new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The statement ran past its time limit of {limit.TotalMilliseconds:0.###} ms."), cause);
}
