package com.example.catalog;

import io.sparta.annotations.CustomResource;
import io.sparta.annotations.DynamoTable;
import io.sparta.annotations.ResourceProperty;

/** The catalog's table, and the rows it starts with, seeded by {@link Seeder} as CloudFormation creates the stack. */
@DynamoTable(name = "products", partitionKey = "id", retainOnDelete = false)
@CustomResource(
        name = "product-seed",
        type = "Custom::TableSeed",
        function = "Seeder",
        properties = {
            @ResourceProperty(name = "TableName", ref = "products"),
            @ResourceProperty(name = "Ids", value = "apple,pear")
        },
        outputs = "RowCount")
public final class Catalog {

    private Catalog() {}
}
