using System.Globalization;

namespace EarthData.Core.Catalog;

/// <summary>
/// A search ran past its time budget (<see cref="ItemSearch.TimeBudget"/>): the store stopped its statement inside the
/// database at the budget. An <see cref="OperationCanceledException"/>, so callers that treat a cancelled request as
/// "not answered in time" need no second case; <see cref="Budget"/> says which budget ran out.
/// </summary>
public sealed class SearchTimeoutException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public SearchTimeoutException()
        : this("The search ran past its time budget.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SearchTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SearchTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a search stopped at <paramref name="budget"/>.</summary>
    public SearchTimeoutException(TimeSpan budget, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"The search ran past its time budget of {budget.TotalMilliseconds:0.###} ms."), innerException)
    {
        Budget = budget;
    }

    /// <summary>The budget that ran out, when known.</summary>
    public TimeSpan? Budget { get; }
}
