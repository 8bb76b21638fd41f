"""/api/v1/products: the catalogue for partners."""

from flask_restx import Namespace, Resource, fields

from shop.api.security import api_key_required
from shop.extensions import db
from shop.models import Product

ns = Namespace("products", description="Product catalogue")

product_model = ns.model(
    "Product",
    {
        "id": fields.Integer(readonly=True),
        "sku": fields.String(required=True),
        "name": fields.String(required=True),
        "category": fields.String,
        "price_cents": fields.Integer(required=True, min=0),
        "stock": fields.Integer(min=0),
    },
)


@ns.route("/")
class ProductList(Resource):
    @ns.marshal_list_with(product_model)
    def get(self):
        """All active products."""
        return Product.query.filter_by(is_active=True).order_by(Product.id).all()

    @ns.expect(product_model, validate=True)
    @ns.marshal_with(product_model)
    @api_key_required
    def post(self):
        """Create a product."""
        product = Product(**{k: v for k, v in ns.payload.items() if k != "id"})
        db.session.add(product)
        db.session.commit()
        return product


@ns.route("/<int:product_id>")
@ns.param("product_id", "The product id")
class ProductItem(Resource):
    @ns.marshal_with(product_model)
    def get(self, product_id: int):
        """One product."""
        product = db.session.get(Product, product_id)
        if product is None or not product.is_active:
            ns.abort(404, f"product {product_id} not found")
        return product
