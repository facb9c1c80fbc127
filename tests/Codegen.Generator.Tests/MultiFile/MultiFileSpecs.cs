using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.MultiFile;

/// <summary>Small multi-file specs written for these tests: a root that names part files next to it and above it.</summary>
internal static class MultiFileSpecs
{
    public const string Root = "/shop/api/shop.yaml";

    /// <summary>
    /// A 3.0 root with one operation (<c>GET /a</c>, <c>getA</c>) whose 200 answer is <paramref name="responseSchema"/>
    /// (a flow mapping such as <c>{$ref: 'Part.yaml'}</c>, or block lines indented as under <c>schema:</c>).
    /// </summary>
    public static InMemoryAdditionalText RootReturning(string path, string responseSchema, string @namespace, string clientName)
    {
        var schema = responseSchema.Contains('\n')
            ? "\n" + string.Join("\n", responseSchema.Split('\n').Select(line => "                    " + line))
            : " " + responseSchema;
        return InMemoryAdditionalText.Spec(path, """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
            """ + schema + "\n", @namespace, clientName);
    }

    public static InMemoryAdditionalText Swagger2Root() => InMemoryAdditionalText.Spec(Root, """
        swagger: "2.0"
        info: {title: Shop, version: "1"}
        consumes: [application/json]
        produces: [application/json]
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - $ref: 'parameters.yaml#/pageSize'
              responses:
                "200":
                  description: the items
                  schema:
                    type: array
                    items:
                      $ref: 'Item.yaml'
                default:
                  description: a failure
                  schema:
                    $ref: '../common/Failure.yaml'
            post:
              operationId: addItem
              parameters:
                - name: item
                  in: body
                  required: true
                  schema:
                    $ref: 'NewItem.yaml'
              responses:
                "200":
                  description: the stored item
                  schema:
                    $ref: 'Item.yaml'
        """, "Tests.Shop", "ShopClient");

    public static InMemoryAdditionalText Item() => new("/shop/api/Item.yaml", """
        type: object
        required: [id, name]
        properties:
          id:
            type: integer
            format: int64
          name:
            type: string
          related:
            type: array
            items:
              $ref: 'Item.yaml'
        """);

    public static InMemoryAdditionalText NewItem() => new("/shop/api/NewItem.yaml", """
        type: object
        allOf:
          - $ref: 'Item.yaml'
          - properties:
              note:
                type: string
        """);

    public static InMemoryAdditionalText Parameters() => new("/shop/api/parameters.yaml", """
        pageSize:
          name: page_size
          in: query
          required: false
          type: integer
          format: int32
        """);

    public static InMemoryAdditionalText Failure() => new("/shop/common/Failure.yaml", """
        type: object
        properties:
          code:
            type: integer
            format: int32
          message:
            type: string
        """);

    public static InMemoryAdditionalText[] Swagger2() => new[] { Swagger2Root(), Item(), NewItem(), Parameters(), Failure() };
}
