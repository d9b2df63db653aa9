using Microsoft.ML;

namespace Pipeline.Learning;

/// <summary>A saved ML.NET model ready to predict: one prediction engine behind a lock, since an engine is not thread-safe.</summary>
internal sealed class LockedEngine<TInput, TOutput>(PredictionEngine<TInput, TOutput> engine)
    where TInput : class
    where TOutput : class, new()
{
    private readonly Lock _gate = new();

    public static LockedEngine<TInput, TOutput> Load(MLContext ml, Stream stream) =>
        new(ml.Model.CreatePredictionEngine<TInput, TOutput>(ml.Model.Load(stream, out _)));

    /// <summary>A new output object per call, so it can be read after the lock is released.</summary>
    public TOutput Predict(TInput input)
    {
        lock (_gate)
        {
            return engine.Predict(input);
        }
    }
}
