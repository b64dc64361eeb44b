// The cart area's pages: one lazily loaded chunk (the mini-cart and buy box load with the header and product page).
export { CartPage } from './CartPage.tsx';
export { CheckoutPage } from './CheckoutPage.tsx';
