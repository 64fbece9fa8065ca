using Grundschutz.Domain.Texts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Grundschutz.Web.Infrastructure;

/// <summary>
/// Every string bound from a form, query or route value is cleaned with <see cref="PlainText.Clean"/> before a page
/// sees it: a control character pasted into a justification would otherwise be stored, invisible on the page and
/// escaped as <c>_x0001_</c> in Excel (PostgreSQL refuses NUL outright; ASP.NET's form reader already refuses a form
/// with NUL as a bad request). Passwords are bound as sent. Body, header and service values keep their own binders.
/// </summary>
public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string)
            || context.BindingInfo.BinderType is not null
            || context.BindingInfo.BindingSource is { IsGreedy: true }
            || context.Metadata.DataTypeName == nameof(System.ComponentModel.DataAnnotations.DataType.Password))
        {
            return null;
        }

        return new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }

    private sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result is { IsModelSet: true, Model: string text } && PlainText.Clean(text) is var clean && !ReferenceEquals(clean, text))
            {
                bindingContext.Result = ModelBindingResult.Success(clean);
            }
        }
    }
}
