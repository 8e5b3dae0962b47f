// placeholder
return 0;
